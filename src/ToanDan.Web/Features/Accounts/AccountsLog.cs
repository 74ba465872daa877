using ToanDan.Web.Infrastructure.Authorization;

namespace ToanDan.Web.Features.Accounts;

/// <summary>Log messages of the Accounts module. Account ids only: never names, user names or e-mail addresses.</summary>
internal static partial class AccountsLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Account {UserId} created by {ActorId}")]
    public static partial void UserCreated(ILogger logger, Guid userId, Guid? actorId);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Role assignment {AssignmentId} ({Role} on unit {UnitCode}) added to account {UserId} by {ActorId}")]
    public static partial void RoleAssigned(ILogger logger, Guid assignmentId, StaffRole role, string unitCode, Guid userId, Guid? actorId);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Role assignment {AssignmentId} removed from account {UserId} by {ActorId}")]
    public static partial void RoleRemoved(ILogger logger, Guid assignmentId, Guid userId, Guid? actorId);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Information, Message = "Account {UserId} disabled={Disabled} by {ActorId}")]
    public static partial void DisabledChanged(ILogger logger, Guid userId, bool disabled, Guid? actorId);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Information, Message = "Password of account {UserId} reset by {ActorId}")]
    public static partial void PasswordReset(ILogger logger, Guid userId, Guid? actorId);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Information, Message = "Two-factor sign-in of account {UserId} reset by {ActorId}")]
    public static partial void TwoFactorReset(ILogger logger, Guid userId, Guid? actorId);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Information, Message = "Profile of account {UserId} updated by {ActorId}")]
    public static partial void ProfileUpdated(ILogger logger, Guid userId, Guid? actorId);

    // The exception itself is not logged: an SMTP server's reply may echo the recipient's address.
    [LoggerMessage(EventId = 2010, Level = LogLevel.Warning, Message = "Notice {Notice} to account {UserId} could not be e-mailed ({ErrorType}, SMTP status {SmtpStatus})")]
    public static partial void NoticeNotSent(ILogger logger, string notice, Guid userId, string errorType, string smtpStatus);
}
