using Microsoft.AspNetCore.Authorization;

namespace ToanDan.Web.Infrastructure.Authorization;

/// <summary>The user holds, through at least one role assignment, the named permission.</summary>
public sealed record PermissionRequirement(string Permission) : IAuthorizationRequirement;

/// <summary>
/// The user is staff: signed in with at least one role assignment, and, if a role can reveal sensitive data
/// and the deployment requires it, signed in with two factors. A user who only lacks the second factor is
/// sent to enrol (see <see cref="TwoFactorRedirect"/>).
/// </summary>
public sealed class StaffRequirement : IAuthorizationRequirement
{
    public static readonly StaffRequirement Instance = new();
}

/// <summary>Marks a failure caused by missing two-factor enrolment, so the result handler can redirect.</summary>
public sealed class TwoFactorMissingReason(IAuthorizationHandler handler) : AuthorizationFailureReason(handler, "Two-factor sign-in is required for this role.");

internal sealed class PermissionHandler(PermissionCatalog catalog) : AuthorizationHandler<PermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (context.User.Assignments().Any(a => catalog.Grants(a.Role, requirement.Permission)))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

internal sealed class StaffHandler(IConfiguration configuration) : AuthorizationHandler<StaffRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, StaffRequirement requirement)
    {
        var assignments = context.User.Assignments();
        if (assignments.Count == 0)
        {
            return Task.CompletedTask;
        }

        var requireTwoFactor = configuration.GetValue("Security:RequireTwoFactorForSensitiveRoles", true);
        if (requireTwoFactor && assignments.Any(a => a.Role.IsSensitive()) && !context.User.HasClaim(StaffClaims.TwoFactor, "1"))
        {
            context.Fail(new TwoFactorMissingReason(this));
            return Task.CompletedTask;
        }

        if (context.User.HasClaim(c => c.Type == StaffClaims.MustChangePassword))
        {
            context.Fail(new AuthorizationFailureReason(this, StaffClaims.MustChangePassword));
            return Task.CompletedTask;
        }

        context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
