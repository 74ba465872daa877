using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ToanDan.Web.Data;
using ToanDan.Web.Infrastructure.Authorization;

namespace ToanDan.Web.Features.Accounts;

/// <summary>Puts the user's full name, role assignments and second-factor status into the sign-in cookie.</summary>
internal sealed class StaffClaimsFactory(UserManager<User> users, IOptions<IdentityOptions> options, ToanDanDb db)
    : UserClaimsPrincipalFactory<User>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(StaffClaims.FullName, user.FullName));
        var assignments = await db.RoleAssignments.AsNoTracking().Where(r => r.UserId == user.Id).ToListAsync();
        foreach (var assignment in assignments)
        {
            identity.AddClaim(new Claim(StaffClaims.RoleAssignment, assignment.ClaimValue));
        }

        if (user.TwoFactorEnabled)
        {
            identity.AddClaim(new Claim(StaffClaims.TwoFactor, "1"));
        }

        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(StaffClaims.MustChangePassword, "1"));
        }

        return identity;
    }
}

/// <summary>A disabled account cannot sign in (Identity asks this before checking the password).</summary>
internal sealed class ActiveUserConfirmation : IUserConfirmation<User>
{
    public Task<bool> IsConfirmedAsync(UserManager<User> manager, User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Task.FromResult(!user.IsDisabled);
    }
}
