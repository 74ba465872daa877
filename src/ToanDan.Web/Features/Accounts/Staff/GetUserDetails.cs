using System.Security.Claims;
using ToanDan.Web.Infrastructure;
using ToanDan.Web.Infrastructure.Authorization;

namespace ToanDan.Web.Features.Accounts.Staff;

/// <summary>One account as its administrator sees it: profile, status, role assignments and what the administrator may change.</summary>
public static class GetUserDetails
{
    /// <summary>A role assignment; <see cref="InScope"/> when the administrator covers its unit (and so may remove it).</summary>
    public sealed record Assignment(Guid Id, StaffRole Role, string UnitCode, string? UnitName, DateOnly? UnitEndedOn, DateTime AssignedAtUtc, bool InScope);

    /// <summary>
    /// The account. <see cref="Stamp"/> goes into every form so that a stale form is refused;
    /// <see cref="CanManageAccount"/> is false when some assignment is outside the administrator's scope.
    /// </summary>
    public sealed record Details(
        Guid Id,
        string UserName,
        string FullName,
        string? Email,
        bool IsDisabled,
        bool TwoFactorEnabled,
        bool MustChangePassword,
        DateTimeOffset? LockedUntil,
        DateTime CreatedAtUtc,
        string Stamp,
        IReadOnlyList<Assignment> Roles,
        bool CanManageAccount,
        bool IsSelf);

    public sealed class Handler(AccountScope scope, TimeProvider clock)
    {
        public async Task<Result<Details>> HandleAsync(ClaimsPrincipal admin, Guid userId, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(admin);
            var user = await scope.FindVisibleAsync(admin, userId, ct, readOnly: true);
            if (user is null)
            {
                return Error.NotFound(AccountScope.NotFoundMessage);
            }

            var adminUnits = scope.AdminUnits(admin);
            var roles = new List<Assignment>();
            foreach (var role in user.Roles.OrderBy(r => r.Role).ThenBy(r => r.UnitCode, StringComparer.Ordinal))
            {
                var unit = await scope.NameAsync(role.UnitCode, ct);
                roles.Add(new Assignment(role.Id, role.Role, role.UnitCode, unit?.Name, unit?.EndedOn, role.AssignedAtUtc,
                    await scope.CoversAsync(adminUnits, role.UnitCode, ct)));
            }

            var locked = user.LockoutEnd is { } end && end > clock.GetUtcNow() ? end : (DateTimeOffset?)null;
            return new Details(
                user.Id,
                user.UserName ?? "",
                user.FullName,
                user.Email,
                user.IsDisabled,
                user.TwoFactorEnabled,
                user.MustChangePassword,
                locked,
                user.CreatedAtUtc,
                user.ConcurrencyStamp ?? "",
                roles,
                roles.All(r => r.InScope),
                admin.UserId() == user.Id);
        }
    }
}
