using Microsoft.AspNetCore.Http.HttpResults;
using ToanDan.Web.Features.Units.Api;
using ToanDan.Web.Infrastructure.Web;

namespace ToanDan.Web.Features.Reports.Api;

/// <summary><c>GET /api/reports/annual?unit=&amp;year=&amp;tree=</c>: the figures every module computes from its records.</summary>
public static class AnnualReportApi
{
    public static RouteHandlerBuilder MapAnnualReportApi(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/reports/annual", GetAsync).WithTags("Reports").WithName("AnnualReport");

    internal static async Task<Results<Ok<AnnualReportResponse>, ProblemHttpResult>> GetAsync(
        BuildAnnualReport.Handler handler, System.Security.Claims.ClaimsPrincipal user, string? unit, string? year, string? tree, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(unit) || !UnitsApi.IsCode(unit))
        {
            return ApiProblems.BadRequest("Thiếu hoặc sai mã đơn vị (unit): mã gồm 2, 3 hoặc 5 chữ số.", "unit");
        }

        if (!int.TryParse(year, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y))
        {
            return ApiProblems.BadRequest("Thiếu hoặc sai năm báo cáo (year), ví dụ year=2020.", "year");
        }

        ReportTree kind;
        switch (tree?.Trim().ToLowerInvariant())
        {
            case null or "" or "historic":
                kind = ReportTree.Historic;
                break;
            case "current":
                kind = ReportTree.Current;
                break;
            default:
                return ApiProblems.BadRequest("Tham số tree chỉ nhận historic (cây hành chính của năm báo cáo) hoặc current (cây hiện hành).", "tree");
        }

        var result = await handler.HandleAsync(new BuildAnnualReport.Query(unit, y, kind, user), ct);
        if (!result.IsSuccess)
        {
            return ApiProblems.From(result.Errors);
        }

        var report = result.Value;
        return TypedResults.Ok(new AnnualReportResponse(UnitDto.From(report.Unit), report.Year, report.Tree.ToString().ToLowerInvariant(), report.TreeAsOf, report.Figures));
    }
}

/// <summary>The annual report as JSON: <c>{ "figures": { "key": number, … } }</c> plus what it is about.</summary>
public sealed record AnnualReportResponse(UnitDto Unit, int Year, string Tree, DateOnly TreeAsOf, IReadOnlyDictionary<string, decimal> Figures);
