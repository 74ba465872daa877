using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using ToanDan.Web.Data;
using ToanDan.Web.Infrastructure;
using ToanDan.Web.Infrastructure.Authorization;

namespace ToanDan.Web.Features.Accounts.Staff;

/// <summary>
/// Grants an account a role on a unit in the administrator's scope. The account's security stamp changes, so
/// the user's open sessions pick up the change (by signing in again) within a minute.
/// </summary>
public static class AddRoleAssignment
{
    public sealed record Command(Guid UserId, string? Role, string? Unit, string? Stamp);

    public sealed class Handler(AccountScope scope, UserManager<User> users, ToanDanDb db, TimeProvider clock, ILogger<Handler> logger)
    {
        public async Task<Result<Guid>> HandleAsync(ClaimsPrincipal admin, Command input, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(input);
            var loaded = await scope.LoadForChangeAsync(admin, input.UserId, input.Stamp, wholeAccount: false, ct);
            if (!loaded.IsSuccess)
            {
                return Result<Guid>.Failure(loaded.Errors);
            }

            var user = loaded.Value;
            var errors = new List<Error>();
            if (!StaffRoles.TryParse(input.Role, out var role))
            {
                errors.Add(Error.Validation(string.IsNullOrEmpty(input.Role) ? "Hãy chọn vai trò." : "Vai trò không hợp lệ.", nameof(Command.Role)));
            }

            var unit = await scope.ValidateGrantAsync(scope.AdminUnits(admin), input.Unit, nameof(Command.Unit), ct);
            if (!unit.IsSuccess)
            {
                errors.AddRange(unit.Errors);
            }
            else if (errors.Count == 0 && user.Roles.Any(r => r.Role == role && r.UnitCode == unit.Value))
            {
                errors.Add(Error.Validation("Tài khoản đã có vai trò này ở đơn vị này.", nameof(Command.Unit)));
            }

            if (errors.Count > 0)
            {
                return Result<Guid>.Failure(errors);
            }

            var assignment = RoleAssignment.Create(user.Id, role, unit.Value, clock.GetUtcNow().UtcDateTime);
            db.RoleAssignments.Add(assignment);
            if (await AccountScope.SaveWithNewStampAsync(users, user) is { } failed)
            {
                return Result<Guid>.Failure(failed);
            }

            var actorId = admin.UserId();
            AccountsLog.RoleAssigned(logger, assignment.Id, role, assignment.UnitCode, user.Id, actorId);
            return assignment.Id;
        }
    }
}
