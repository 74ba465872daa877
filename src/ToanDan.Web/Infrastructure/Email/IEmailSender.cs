namespace ToanDan.Web.Infrastructure.Email;

/// <summary>
/// Sends short plain-text notices to staff. The application registers an SMTP sender when the
/// <c>Smtp</c> configuration section names a host, and a sender that does nothing otherwise
/// (see <see cref="EmailSetup.AddEmail"/>). Callers decide whether a failure matters; notices about
/// account changes never fail the change itself.
/// </summary>
public interface IEmailSender
{
    /// <summary>True when messages actually leave the system (an SMTP host is configured).</summary>
    bool IsEnabled { get; }

    /// <summary>Sends one message. Throws on delivery failure (the caller decides what it means).</summary>
    Task SendAsync(EmailMessage message, CancellationToken ct);
}

/// <summary>A plain-text message to one recipient.</summary>
/// <param name="To">The recipient's address.</param>
/// <param name="Subject">The subject line.</param>
/// <param name="Body">The plain-text body.</param>
public sealed record EmailMessage(string To, string Subject, string Body);
