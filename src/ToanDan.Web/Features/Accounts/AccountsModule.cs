using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Audit;

namespace ToanDan.Web.Features.Accounts;

/// <summary>Registers the Accounts module: ASP.NET Core Identity on ToanDanDb, the sign-in cookie, scopes and the audit actor.</summary>
public static class AccountsModule
{
    /// <summary>Name of the sign-in cookie.</summary>
    public const string CookieName = "toandan.auth";

    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddHttpContextAccessor();
        services.AddScoped<IAuditActor, HttpAuditActor>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<UserScopes>();
        services.AddScoped<CreateUser.Handler>();
        services.AddScoped<Staff.AccountScope>();
        services.AddScoped<Staff.AccountNotices>();
        services.AddScoped<Staff.ListUsers.Handler>();
        services.AddScoped<Staff.GetUserDetails.Handler>();
        services.AddScoped<Staff.FindUnitsInScope.Handler>();
        services.AddScoped<Staff.CreateUserInScope.Handler>();
        services.AddScoped<Staff.AddRoleAssignment.Handler>();
        services.AddScoped<Staff.RemoveRoleAssignment.Handler>();
        services.AddScoped<Staff.SetUserDisabled.Handler>();
        services.AddScoped<Staff.ResetPassword.Handler>();
        services.AddScoped<Staff.ResetTwoFactor.Handler>();
        services.AddScoped<Staff.UpdateUserProfile.Handler>();
        services.AddScoped<Public.SignInStaff.Handler>();

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddIdentityCore<User>(options =>
            {
                options.User.RequireUniqueEmail = false;
                options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";
                options.Password.RequiredLength = 12;
                options.Password.RequiredUniqueChars = 4;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = configuration.GetValue("Security:LockoutAttempts", 5);
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(configuration.GetValue("Security:LockoutMinutes", 15));
                options.SignIn.RequireConfirmedAccount = true;
            })
            .AddSignInManager()
            .AddEntityFrameworkStores<ToanDanDb>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<StaffClaimsFactory>()
            .AddErrorDescriber<VietnameseIdentityErrors>();
        services.AddScoped<IUserConfirmation<User>, ActiveUserConfirmation>();
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        var requireHttps = configuration.GetValue("Security:RequireHttps", true);
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = CookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = requireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            cookie.LoginPath = "/dang-nhap";
            cookie.LogoutPath = "/dang-xuat";
            cookie.AccessDeniedPath = "/loi/403";
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            cookie.Events = new CookieAuthenticationEvents
            {
                OnRedirectToLogin = context => ApiOrRedirect(context, StatusCodes.Status401Unauthorized),
                OnRedirectToAccessDenied = context => ApiOrRedirect(context, StatusCodes.Status403Forbidden),
                OnValidatePrincipal = SecurityStampValidator.ValidatePrincipalAsync,
            };
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, cookie =>
        {
            cookie.Cookie.Name = "toandan.2fa";
            cookie.Cookie.SecurePolicy = requireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
        });
        return services;
    }

    private static Task ApiOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
