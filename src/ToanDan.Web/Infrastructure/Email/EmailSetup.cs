namespace ToanDan.Web.Infrastructure.Email;

/// <summary>Registers <see cref="IEmailSender"/>: SMTP when <c>Smtp:Host</c> is set (with <c>Smtp:From</c>), otherwise a sender that drops messages.</summary>
public static class EmailSetup
{
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SmtpOptions.Section);
        services.Configure<SmtpOptions>(section);
        var options = section.Get<SmtpOptions>() ?? new SmtpOptions();
        if (!string.IsNullOrWhiteSpace(options.Host) && string.IsNullOrWhiteSpace(options.From))
        {
            // A half-configured server would silently send nothing: refuse to start instead.
            throw new InvalidOperationException("Cấu hình Smtp:Host đã đặt nhưng thiếu Smtp:From (địa chỉ người gửi).");
        }

        if (options.IsConfigured)
        {
            services.AddSingleton<IEmailSender, SmtpEmailSender>();
        }
        else
        {
            services.AddSingleton<IEmailSender, NullEmailSender>();
        }

        return services;
    }
}

/// <summary>The sender used when no SMTP server is configured: nothing is sent.</summary>
internal sealed class NullEmailSender : IEmailSender
{
    /// <inheritdoc />
    public bool IsEnabled => false;

    /// <inheritdoc />
    public Task SendAsync(EmailMessage message, CancellationToken ct) => Task.CompletedTask;
}
