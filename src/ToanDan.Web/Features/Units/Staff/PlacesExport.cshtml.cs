using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ToanDan.Web.Infrastructure.Spreadsheets;

namespace ToanDan.Web.Features.Units.Staff;

/// <summary>The current place list of a commune as CSV or XLSX, in the import layout (see <see cref="PlaceSheet"/>).</summary>
[Authorize(Policy = UnitsPermissions.ViewPlaces)]
public sealed class PlacesExportModel(UnitTree tree, ListPlaces.Handler list, Accounts.UserScopes scopes, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string code, string? format, string? asOf, string? kind, string? q, string? all, CancellationToken ct)
    {
        var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        if (!csv && !string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return PlainText(StatusCodes.Status400BadRequest, $"Định dạng “{format}” không hợp lệ; dùng format=csv hoặc format=xlsx.");
        }

        var filter = PlaceFilter.Read(asOf, kind, q, all, clock);
        if (!filter.IsSuccess)
        {
            return PlainText(StatusCodes.Status400BadRequest, string.Join(" ", filter.Errors.Select(e => e.Message)));
        }

        if (await StaffQuery.FindCommuneAsync(tree, code, filter.Value.AsOf, ct) is null
            || !await scopes.CanAsync(User, UnitsPermissions.ViewPlaces, code, filter.Value.AsOf, ct))
        {
            return NotFound();
        }

        var listing = await list.HandleAsync(filter.Value.ToQuery(code), ct);
        var rows = listing.Places.Select(p => (p.CommuneCode, p.Details)).ToList();
        var name = $"dia-ban-{code}-{(filter.Value.All ? "tat-ca" : filter.Value.AsOf.ToString("yyyyMMdd", CultureInfo.InvariantCulture))}";
        return csv
            ? File(PlaceSheet.Csv(rows), "text/csv; charset=utf-8", name + ".csv")
            : File(PlaceSheet.Xlsx(rows), XlsxWriter.ContentType, name + ".xlsx");
    }

    private static ContentResult PlainText(int status, string message) =>
        new() { StatusCode = status, Content = message, ContentType = "text/plain; charset=utf-8" };
}
