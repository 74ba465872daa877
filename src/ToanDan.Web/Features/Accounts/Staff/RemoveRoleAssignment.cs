using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using ToanDan.Web.Data;
using ToanDan.Web.Infrastructure;
using ToanDan.Web.Infrastructure.Authorization;

namespace ToanDan.Web.Features.Accounts.Staff;

/// <summary>
/// Takes a role assignment on a unit in the administrator's scope away from an account. An account keeps at
/// least one assignment (disable it instead), and administrators cannot remove their own last administrator role.
/// </summary>
public static class RemoveRoleAssignment
{
    public sealed record Command(Guid UserId, string? AssignmentId, string? Stamp);

    public sealed class Handler(AccountScope scope, UserManager<User> users, ToanDanDb db, PermissionCatalog catalog, ILogger<Handler> logger)
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
            var assignment = Guid.TryParse(input.AssignmentId, out var id) ? user.Roles.SingleOrDefault(r => r.Id == id) : null;
            if (assignment is null)
            {
                return Error.Validation("Không tìm thấy vai trò cần xóa.");
            }

            if (!await scope.CoversAsync(scope.AdminUnits(admin), assignment.UnitCode, ct))
            {
                return new Error(ErrorCodes.Forbidden, "Vai trò này gắn với đơn vị ngoài phạm vi quản lý của bạn.");
            }

            if (user.Roles.Count == 1)
            {
                return Error.Validation("Không thể xóa vai trò cuối cùng của tài khoản. Nếu tài khoản không còn dùng, hãy vô hiệu hóa nó.");
            }

            if (admin.UserId() == user.Id
                && catalog.Grants(assignment.Role, AccountsPermissions.ManageUsers)
                && user.Roles.Count(r => catalog.Grants(r.Role, AccountsPermissions.ManageUsers)) == 1)
            {
                return Error.Validation("Bạn không thể tự xóa vai trò quản trị cuối cùng của mình.");
            }

            db.RoleAssignments.Remove(assignment);
            if (await AccountScope.SaveWithNewStampAsync(users, user) is { } failed)
            {
                return Result<Guid>.Failure(failed);
            }

            var actorId = admin.UserId();
            AccountsLog.RoleRemoved(logger, assignment.Id, user.Id, actorId);
            return assignment.Id;
        }
    }
}
