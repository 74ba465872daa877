using System.Security.Claims;
using ToanDan.Web.Features.Accounts;
using ToanDan.Web.Features.Units;
using ToanDan.Web.Infrastructure;
using ToanDan.Web.Infrastructure.Time;

namespace ToanDan.Web.Features.Reports;

/// <summary>Composes the annual report: resolves the unit scope, then asks every module for its figures.</summary>
public static class BuildAnnualReport
{
    /// <summary>The earliest reporting year accepted.</summary>
    public const int MinYear = 2000;

    /// <summary>The report to build; <paramref name="User"/> must hold the permission on the unit.</summary>
    public sealed record Query(string UnitCode, int Year, ReportTree Tree, ClaimsPrincipal User);

    public sealed record Report(UnitView Unit, int Year, ReportTree Tree, DateOnly TreeAsOf, IReadOnlyDictionary<string, decimal> Figures);

    public sealed class Handler(UnitScopes scopes, UserScopes users, IEnumerable<IAnnualFigureContributor> contributors, TimeProvider clock)
    {
        public async Task<Result<Report>> HandleAsync(Query input, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(input);
            var today = VietnamTime.Today(clock);
            if (input.Year < MinYear || input.Year > today.Year)
            {
                return Error.Validation($"Năm báo cáo phải từ {MinYear} đến {today.Year}.", "year");
            }

            var scope = await scopes.ResolveAsync(input.UnitCode, input.Year, input.Tree, ct);
            if (!scope.IsSuccess)
            {
                return Result<Report>.Failure(scope.Errors);
            }

            // Outside the user's scope the unit is simply "not found".
            if (!await users.CanAsync(input.User, ReportsPermissions.ViewAnnual, input.UnitCode, scope.Value.TreeAsOf, ct))
            {
                return Error.NotFound($"Không có đơn vị mã {input.UnitCode} trong phạm vi của tài khoản.");
            }

            var request = new AnnualFigureRequest(scope.Value, input.Year, input.Tree, new DateOnly(input.Year, 1, 1), new DateOnly(input.Year, 12, 31));
            var figures = new AnnualFigureSet();
            foreach (var contributor in contributors)
            {
                await contributor.ContributeAsync(request, figures, ct);
            }

            return new Report(scope.Value.Unit, input.Year, input.Tree, scope.Value.TreeAsOf, figures.Values);
        }
    }
}
