using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Infrastructure;
using ToanDan.Web.Infrastructure.Authorization;
using ToanDan.Web.Infrastructure.Text;

namespace ToanDan.Web.Features.Accounts.Staff;

/// <summary>
/// The accounts an administrator may see (see <see cref="AccountScope"/>), searched by name without regard to
/// diacritics, filtered by role and status, a page at a time.
/// </summary>
public static class ListUsers
{
    /// <summary>Accounts per page.</summary>
    public const int PageSize = 25;

    /// <summary>Longest search text accepted.</summary>
    public const int MaxSearchLength = 100;

    /// <summary>Status filter values.</summary>
    public static class Statuses
    {
        public const string Active = "active";
        public const string Disabled = "disabled";
        public const string Locked = "locked";
    }

    public sealed record Query
    {
        /// <summary>Part of the user name, full name or e-mail address (at most <see cref="MaxSearchLength"/> characters).</summary>
        public string? Q { get; init; }

        /// <summary>A <see cref="StaffRole"/> name, or empty for every role.</summary>
        public string? Role { get; init; }

        /// <summary>One of <see cref="Statuses"/>, or empty for every account.</summary>
        public string? Status { get; init; }

        /// <summary>1-based page number; out-of-range pages show the nearest page.</summary>
        public int? Page { get; init; }
    }

    /// <summary>A role assignment as listed: the unit's name as it last was.</summary>
    public sealed record RoleLine(StaffRole Role, string UnitCode, string? UnitName);

    public sealed record Row(
        Guid Id,
        string UserName,
        string FullName,
        string? Email,
        IReadOnlyList<RoleLine> Roles,
        bool TwoFactorEnabled,
        bool IsDisabled,
        bool IsLockedOut,
        bool MustChangePassword,
        DateTime CreatedAtUtc);

    /// <summary>One page of the listing; <see cref="Total"/> counts every matching account.</summary>
    public sealed record Listing(IReadOnlyList<Row> Rows, int Total, int Page, int PageCount);

    public sealed class Handler(ToanDanDb db, AccountScope scope, TimeProvider clock)
    {
        /// <summary>Lists one page, or every matching account when <paramref name="allPages"/> (the CSV export).</summary>
        public async Task<Result<Listing>> HandleAsync(ClaimsPrincipal admin, Query query, bool allPages, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(query);
            var errors = new List<Error>();
            StaffRole? role = null;
            if (!string.IsNullOrEmpty(query.Role))
            {
                if (StaffRoles.TryParse(query.Role, out var parsed))
                {
                    role = parsed;
                }
                else
                {
                    errors.Add(Error.Validation("Vai trò cần lọc không hợp lệ.", nameof(Query.Role)));
                }
            }

            if (!string.IsNullOrEmpty(query.Status) && query.Status is not (Statuses.Active or Statuses.Disabled or Statuses.Locked))
            {
                errors.Add(Error.Validation("Trạng thái cần lọc không hợp lệ.", nameof(Query.Status)));
            }

            if (query.Q is { Length: > MaxSearchLength })
            {
                errors.Add(Error.Validation("Từ khóa tìm kiếm dài tối đa 100 ký tự.", nameof(Query.Q)));
            }

            if (errors.Count > 0)
            {
                return Result<Listing>.Failure(errors);
            }

            var users = db.Users.AsNoTracking();
            if (query.Status == Statuses.Active)
            {
                users = users.Where(u => !u.IsDisabled);
            }
            else if (query.Status == Statuses.Disabled)
            {
                users = users.Where(u => u.IsDisabled);
            }

            var accounts = await users
                .Select(u => new { u.Id, u.UserName, u.FullName, u.Email, u.TwoFactorEnabled, u.IsDisabled, u.LockoutEnd, u.MustChangePassword, u.CreatedAtUtc })
                .ToListAsync(ct);
            var assignments = (await db.RoleAssignments.AsNoTracking()
                    .Select(r => new { r.UserId, r.Role, r.UnitCode })
                    .ToListAsync(ct))
                .ToLookup(r => r.UserId);

            var now = clock.GetUtcNow();
            var folded = VietnameseText.Fold(query.Q);
            var adminUnits = scope.AdminUnits(admin);
            var matches = new List<Row>();
            foreach (var account in accounts.OrderBy(a => a.UserName, StringComparer.OrdinalIgnoreCase))
            {
                var roles = assignments[account.Id].ToList();
                var locked = account.LockoutEnd is { } end && end > now;
                if ((role is { } wanted && !roles.Any(r => r.Role == wanted))
                    || (query.Status == Statuses.Locked && !locked)
                    || (folded.Length > 0 && !Matches(folded, account.UserName, account.FullName, account.Email))
                    || !await scope.CanSeeAsync(adminUnits, roles.Select(r => r.UnitCode), ct))
                {
                    continue;
                }

                matches.Add(new Row(
                    account.Id,
                    account.UserName ?? "",
                    account.FullName,
                    account.Email,
                    roles.OrderBy(r => r.Role).ThenBy(r => r.UnitCode, StringComparer.Ordinal).Select(r => new RoleLine(r.Role, r.UnitCode, null)).ToList(),
                    account.TwoFactorEnabled,
                    account.IsDisabled,
                    locked,
                    account.MustChangePassword,
                    account.CreatedAtUtc));
            }

            var pageCount = Math.Max(1, (matches.Count + PageSize - 1) / PageSize);
            var page = Math.Clamp(query.Page ?? 1, 1, pageCount);
            var shown = allPages ? matches : matches.Skip((page - 1) * PageSize).Take(PageSize).ToList();

            // Unit names only for the rows shown.
            var named = new List<Row>(shown.Count);
            foreach (var row in shown)
            {
                var lines = new List<RoleLine>(row.Roles.Count);
                foreach (var line in row.Roles)
                {
                    lines.Add(line with { UnitName = (await scope.NameAsync(line.UnitCode, ct))?.Name });
                }

                named.Add(row with { Roles = lines });
            }

            return new Listing(named, matches.Count, allPages ? 1 : page, allPages ? 1 : pageCount);
        }

        private static bool Matches(string folded, string? userName, string fullName, string? email) =>
            VietnameseText.Fold(userName).Contains(folded, StringComparison.Ordinal)
            || VietnameseText.Fold(fullName).Contains(folded, StringComparison.Ordinal)
            || (email is not null && VietnameseText.Fold(email).Contains(folded, StringComparison.Ordinal));
    }
}
