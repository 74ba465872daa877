namespace ToanDan.Web.Features.Audit;

/// <summary>The action names written to the audit trail.</summary>
public static class AuditActions
{
    public const string Create = "create";
    public const string Update = "update";
    public const string Delete = "delete";

    /// <summary>A read of data marked sensitive (for example a tip reporter's identity).</summary>
    public const string ReadSensitive = "read-sensitive";

    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string LockedOut = "locked-out";
    public const string SignOut = "sign-out";
    public const string TwoFactorEnabled = "2fa-enabled";
    public const string TwoFactorReset = "2fa-reset";
    public const string PasswordChanged = "password-changed";
    public const string PasswordReset = "password-reset";
    public const string Import = "import";
}
