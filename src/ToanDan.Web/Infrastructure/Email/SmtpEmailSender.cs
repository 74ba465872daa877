using System.Net;
using System.Net.Mail;
using System.Text;
using Microsoft.Extensions.Options;

namespace ToanDan.Web.Infrastructure.Email;

/// <summary>The <c>Smtp</c> configuration section.</summary>
public sealed class SmtpOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Smtp";

    /// <summary>The SMTP server; leave empty to send nothing.</summary>
    public string? Host { get; set; }

    /// <summary>The server port (587 for submission with STARTTLS).</summary>
    public int Port { get; set; } = 587;

    /// <summary>The sender address, e.g. <c>khong-tra-loi@toandan.example.vn</c>.</summary>
    public string? From { get; set; }

    /// <summary>The account to authenticate with, if the server requires one.</summary>
    public string? UserName { get; set; }

    /// <summary>The account's password.</summary>
    public string? Password { get; set; }

    /// <summary>Use TLS (STARTTLS) to talk to the server.</summary>
    public bool EnableSsl { get; set; } = true;

    /// <summary>Seconds to wait for the server before giving up.</summary>
    public int TimeoutSeconds { get; set; } = 15;

    /// <summary>True when a host and a sender address are set.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(From);
}

/// <summary>Sends messages through an SMTP server with <see cref="SmtpClient"/>.</summary>
internal sealed class SmtpEmailSender(IOptions<SmtpOptions> options) : IEmailSender
{
    /// <inheritdoc />
    public bool IsEnabled => true;

    /// <inheritdoc />
    public async Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var smtp = options.Value;
        using var mail = new MailMessage(smtp.From!, message.To)
        {
            Subject = message.Subject,
            Body = message.Body,
            IsBodyHtml = false,
            SubjectEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
        };
        using var client = new SmtpClient(smtp.Host, smtp.Port)
        {
            EnableSsl = smtp.EnableSsl,
            DeliveryMethod = SmtpDeliveryMethod.Network,
        };
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            client.Credentials = new NetworkCredential(smtp.UserName, smtp.Password);
        }

        // SmtpClient.Timeout applies to the synchronous Send only; the asynchronous send is bounded here.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, smtp.TimeoutSeconds)));
        await client.SendMailAsync(mail, timeout.Token);
    }
}
