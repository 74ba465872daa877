using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Accounts;
using ToanDan.Web.Infrastructure.Authorization;
using ToanDan.Web.Infrastructure.Time;

namespace ToanDan.Web.Features.Audit.Staff;

/// <summary>
/// Lists audit entries with filters, newest first. A reader sees entries of units in their scope; entries
/// without a unit (accounts, sign-ins) are shown to system administrators only.
/// </summary>
public static class ListAuditEntries
{
    /// <summary>Rows per page.</summary>
    public const int PageSize = 50;

    /// <summary>Most rows one export returns.</summary>
    public const int ExportLimit = 50_000;

    public sealed record Query(
        DateOnly? From,
        DateOnly? To,
        string? Actor,
        string? Module,
        string? Action,
        string? UnitCode,
        string? EntityId,
        int Page,
        ClaimsPrincipal User);

    public sealed record Row(long Sequence, DateTime OccurredAtUtc, string Actor, string? UnitCode, string Module, string EntityType, string EntityId, string Action, string? Changes, string? ClientIp);

    public sealed record Listing(IReadOnlyList<Row> Rows, int Total, int Page, int Pages);

    public sealed class Handler(ToanDanDb db, UserScopes scopes, PermissionCatalog catalog)
    {
        public async Task<Listing> HandleAsync(Query input, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(input);
            var query = await FilterAsync(input, ct);
            var total = await query.CountAsync(ct);
            var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
            var page = Math.Clamp(input.Page, 1, pages);
            var rows = await query.OrderByDescending(e => e.Sequence).Skip((page - 1) * PageSize).Take(PageSize).Select(ToRow).ToListAsync(ct);
            return new Listing(rows, total, page, pages);
        }

        /// <summary>All matching rows (up to <see cref="ExportLimit"/>), newest first, for export.</summary>
        public async Task<IReadOnlyList<Row>> ExportAsync(Query input, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(input);
            return await (await FilterAsync(input, ct)).OrderByDescending(e => e.Sequence).Take(ExportLimit).Select(ToRow).ToListAsync(ct);
        }

        private async Task<IQueryable<AuditEntry>> FilterAsync(Query input, CancellationToken ct)
        {
            var query = db.AuditEntries.AsNoTracking();
            var assignments = input.User.Assignments().Where(a => catalog.Grants(a.Role, AuditPermissions.View)).ToList();
            var national = assignments.Any(a => a.UnitCode == RoleAssignment.NationalScope);
            if (!national)
            {
                var codes = new HashSet<string>(StringComparer.Ordinal);
                foreach (var (_, unit) in assignments)
                {
                    if (await scopes.CodesEverCoveredAsync(unit, ct) is { } covered)
                    {
                        codes.UnionWith(covered);
                    }
                }

                var admin = input.User.Assignments().Any(a => a.Role == StaffRole.SystemAdministrator);
                var list = codes.ToList();
                query = query.Where(e => (e.UnitCode != null && list.Contains(e.UnitCode)) || (admin && e.UnitCode == null));
            }

            if (input.From is { } from)
            {
                var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), VietnamTime.Offset).UtcDateTime;
                query = query.Where(e => e.OccurredAtUtc >= start);
            }

            if (input.To is { } to)
            {
                var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), VietnamTime.Offset).UtcDateTime;
                query = query.Where(e => e.OccurredAtUtc < end);
            }

            if (!string.IsNullOrWhiteSpace(input.Actor))
            {
                var actor = input.Actor.Trim();
                query = query.Where(e => e.Actor == actor);
            }

            if (!string.IsNullOrWhiteSpace(input.Module))
            {
                query = query.Where(e => e.Module == input.Module);
            }

            if (!string.IsNullOrWhiteSpace(input.Action))
            {
                query = query.Where(e => e.Action == input.Action);
            }

            if (!string.IsNullOrWhiteSpace(input.UnitCode))
            {
                query = query.Where(e => e.UnitCode == input.UnitCode);
            }

            if (!string.IsNullOrWhiteSpace(input.EntityId))
            {
                var id = input.EntityId.Trim();
                query = query.Where(e => e.EntityId == id);
            }

            return query;
        }

        private static readonly System.Linq.Expressions.Expression<Func<AuditEntry, Row>> ToRow =
            e => new Row(e.Sequence, e.OccurredAtUtc, e.Actor, e.UnitCode, e.Module, e.EntityType, e.EntityId, e.Action, e.Changes, e.ClientIp);
    }
}
