using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ToanDan.Web.Infrastructure.Spreadsheets;

namespace ToanDan.Web.Features.Units.Staff;

/// <summary>The empty import template (header row only) as CSV or XLSX.</summary>
[Authorize(Policy = UnitsPermissions.EditPlaces)]
public sealed class PlacesImportTemplateModel : PageModel
{
    public IActionResult OnGet(string? format) => format?.ToUpperInvariant() switch
    {
        "CSV" => File(ImportPlaces.Template(xlsx: false), "text/csv; charset=utf-8", "mau-nhap-dia-ban.csv"),
        "XLSX" or null or "" => File(ImportPlaces.Template(xlsx: true), XlsxWriter.ContentType, "mau-nhap-dia-ban.xlsx"),
        _ => new ContentResult
        {
            StatusCode = StatusCodes.Status400BadRequest,
            Content = $"Định dạng “{format}” không hợp lệ; dùng format=csv hoặc format=xlsx.",
            ContentType = "text/plain; charset=utf-8",
        },
    };
}
