using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using ToanDan.Tests.Infrastructure;
using ToanDan.Web.Features.Accounts;
using ToanDan.Web.Features.Accounts.Staff;
using ToanDan.Web.Infrastructure;
using ToanDan.Web.Infrastructure.Email;
using static ToanDan.Tests.Features.Accounts.AccountTestKit;

namespace ToanDan.Tests.Features.Accounts;

/// <summary>
/// The account slices called directly, as a real administrator account (so that "yourself" means something),
/// and the e-mail notices of resets with a recording, a failing and a real (unreachable) SMTP sender.
/// </summary>
public abstract class UserAdminSliceTests(AppFixture app) : AppTests(app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(Guid Id, System.Security.Claims.ClaimsPrincipal Principal)> NewAdminAsync(string roles = "SystemAdministrator@291,Leader@291")
    {
        var id = await NewUserAsync(Factory, Unique("admin"), roles);
        return (id, Principal(id, roles));
    }

    private static async Task<string> StampAsync(IServiceProvider services, Guid id) =>
        (await services.GetRequiredService<UserManager<User>>().FindByIdAsync(id.ToString()))!.ConcurrencyStamp!;

    [Fact]
    public async Task Administrators_CannotDisableThemselves_NorResetTheirOwnPasswordOrSecondFactor()
    {
        var (id, admin) = await NewAdminAsync();
        await using var scope = Scope();
        var services = scope.ServiceProvider;
        var stamp = await StampAsync(services, id);

        var disabled = await services.GetRequiredService<SetUserDisabled.Handler>().HandleAsync(admin, new SetUserDisabled.Command(id, true, stamp), Ct);
        Assert.Contains("tự vô hiệu hóa", Assert.Single(disabled.Errors).Message, StringComparison.Ordinal);
        var password = await services.GetRequiredService<ResetPassword.Handler>().HandleAsync(admin, new ResetPassword.Command(id, stamp), Ct);
        Assert.Equal(ErrorCodes.Validation, Assert.Single(password.Errors).Code);
        var twoFactor = await services.GetRequiredService<ResetTwoFactor.Handler>().HandleAsync(admin, new ResetTwoFactor.Command(id, stamp), Ct);
        Assert.Equal(ErrorCodes.Validation, Assert.Single(twoFactor.Errors).Code);
        Assert.False((await FindUserAsync(Factory, id))!.IsDisabled);
    }

    [Fact]
    public async Task Administrators_CannotRemoveTheirOwnLastAdministratorRole_ButAnotherAdministratorCan()
    {
        var (id, admin) = await NewAdminAsync();
        var adminRole = (await FindUserAsync(Factory, id))!.Roles.Single(r => r.Role == ToanDan.Web.Infrastructure.Authorization.StaffRole.SystemAdministrator);
        await using (var scope = Scope())
        {
            var handler = scope.ServiceProvider.GetRequiredService<RemoveRoleAssignment.Handler>();
            var result = await handler.HandleAsync(admin, new RemoveRoleAssignment.Command(id, adminRole.Id.ToString(), await StampAsync(scope.ServiceProvider, id)), Ct);
            Assert.Contains("vai trò quản trị cuối cùng", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
        }

        var (_, other) = await NewAdminAsync();
        await using (var scope = Scope())
        {
            var handler = scope.ServiceProvider.GetRequiredService<RemoveRoleAssignment.Handler>();
            var result = await handler.HandleAsync(other, new RemoveRoleAssignment.Command(id, adminRole.Id.ToString(), await StampAsync(scope.ServiceProvider, id)), Ct);
            Assert.True(result.IsSuccess);
        }

        Assert.DoesNotContain((await FindUserAsync(Factory, id))!.Roles, r => r.Id == adminRole.Id);
    }

    [Fact]
    public async Task RemoveRole_WithAnUnknownAssignment_IsAMessageNotAnError()
    {
        var (_, admin) = await NewAdminAsync();
        var target = await NewUserAsync(Factory, Unique("target"), "Leader@10606,Leader@10639");
        await using var scope = Scope();
        var handler = scope.ServiceProvider.GetRequiredService<RemoveRoleAssignment.Handler>();
        foreach (var bad in new[] { "not-a-guid", Guid.NewGuid().ToString(), "" })
        {
            var result = await handler.HandleAsync(admin, new RemoveRoleAssignment.Command(target, bad, await StampAsync(scope.ServiceProvider, target)), Ct);
            Assert.Contains("Không tìm thấy vai trò", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task PasswordAndTwoFactorResets_EmailTheUser_WithoutThePassword()
    {
        var recorder = new RecordingEmailSender();
        await using var factory = Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.RemoveAll<IEmailSender>();
            s.AddSingleton<IEmailSender>(recorder);
        }));
        var (_, admin) = await NewAdminAsync();
        var email = Unique("notice") + "@example.vn";
        var userName = Unique("notice");
        var id = await NewUserAsync(Factory, userName, "Leader@10606", email: email);
        var silent = await NewUserAsync(Factory, Unique("nomail"), "Leader@10606");

        await using var scope = factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var reset = await services.GetRequiredService<ResetPassword.Handler>().HandleAsync(admin, new ResetPassword.Command(id, await StampAsync(services, id)), Ct);
        Assert.True(reset.IsSuccess);
        var message = Assert.Single(recorder.Messages);
        Assert.Equal(email, message.To);
        Assert.Contains("mật khẩu", message.Subject, StringComparison.Ordinal);
        Assert.Contains(userName, message.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(reset.Value.TemporaryPassword, message.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(reset.Value.TemporaryPassword, message.Subject, StringComparison.Ordinal);

        Assert.True((await services.GetRequiredService<ResetTwoFactor.Handler>().HandleAsync(admin, new ResetTwoFactor.Command(id, await StampAsync(services, id)), Ct)).IsSuccess);
        Assert.Equal(2, recorder.Messages.Count);
        Assert.Contains("xác thực hai bước", recorder.Messages[1].Subject, StringComparison.Ordinal);

        // No address, no message.
        Assert.True((await services.GetRequiredService<ResetPassword.Handler>().HandleAsync(admin, new ResetPassword.Command(silent, await StampAsync(services, silent)), Ct)).IsSuccess);
        Assert.Equal(2, recorder.Messages.Count);
    }

    [Fact]
    public async Task AFailingMailServer_DoesNotFailTheReset_AndOnlyTheAccountIdIsLogged()
    {
        var logs = new RecordingLoggerProvider();
        await using var factory = Factory.WithWebHostBuilder(b =>
        {
            b.ConfigureLogging(l => l.AddProvider(logs));
            b.ConfigureTestServices(s =>
            {
                s.RemoveAll<IEmailSender>();
                s.AddSingleton<IEmailSender, FailingEmailSender>();
            });
        });
        var (_, admin) = await NewAdminAsync();
        var email = Unique("fail") + "@example.vn";
        var userName = Unique("fail");
        var id = await NewUserAsync(Factory, userName, "Leader@10606", email: email, fullName: "Hoàng Văn Lỗi");
        await using var scope = factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var reset = await services.GetRequiredService<ResetPassword.Handler>().HandleAsync(admin, new ResetPassword.Command(id, await StampAsync(services, id)), Ct);
        Assert.True(reset.IsSuccess);
        Assert.True((await FindUserAsync(Factory, id))!.MustChangePassword);

        var warning = Assert.Single(logs.Entries, e => e.EventId == 2010);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains(id.ToString(), warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains(email, StringComparison.OrdinalIgnoreCase)
            || e.Message.Contains(userName, StringComparison.Ordinal)
            || e.Message.Contains("Hoàng Văn Lỗi", StringComparison.Ordinal)
            || e.Message.Contains(reset.Value.TemporaryPassword, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnUnreachableSmtpServer_DoesNotFailTheReset()
    {
        await using var factory = Factory.WithWebHostBuilder(b =>
        {
            // Port 1 on the loopback: the connection is refused at once.
            b.UseSetting("Smtp:Host", "127.0.0.1");
            b.UseSetting("Smtp:Port", "1");
            b.UseSetting("Smtp:From", "khong-tra-loi@toandan.example.vn");
            b.UseSetting("Smtp:EnableSsl", "false");
        });
        var (_, admin) = await NewAdminAsync();
        var id = await NewUserAsync(Factory, Unique("smtp"), "Leader@10606", email: Unique("smtp") + "@example.vn");
        await using var scope = factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        Assert.True(services.GetRequiredService<IEmailSender>().IsEnabled);
        var reset = await services.GetRequiredService<ResetTwoFactor.Handler>().HandleAsync(admin, new ResetTwoFactor.Command(id, await StampAsync(services, id)), Ct);
        Assert.True(reset.IsSuccess);
    }

    private sealed class RecordingEmailSender : IEmailSender
    {
        public List<EmailMessage> Messages { get; } = [];

        public bool IsEnabled => true;

        public Task SendAsync(EmailMessage message, CancellationToken ct)
        {
            Messages.Add(message);
            return Task.CompletedTask;
        }
    }

    private sealed class RecordingLoggerProvider : ILoggerProvider
    {
        private readonly List<(int EventId, LogLevel Level, string Message)> _entries = [];

        public IReadOnlyList<(int EventId, LogLevel Level, string Message)> Entries
        {
            get
            {
                lock (_entries)
                {
                    return _entries.ToList();
                }
            }
        }

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(RecordingLoggerProvider provider) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (provider._entries)
                {
                    provider._entries.Add((eventId.Id, logLevel, formatter(state, exception) + exception));
                }
            }
        }
    }

    private sealed class FailingEmailSender : IEmailSender
    {
        public bool IsEnabled => true;

        public Task SendAsync(EmailMessage message, CancellationToken ct) => throw new System.Net.Mail.SmtpException(System.Net.Mail.SmtpStatusCode.MailboxUnavailable, "550 " + message.To + " unknown");
    }
}

public sealed class UserAdminSliceTestsOnSqlite(SqliteDemoApp app) : UserAdminSliceTests(app), IClassFixture<SqliteDemoApp>;

public sealed class UserAdminSliceTestsOnPostgreSql(PostgreSqlDemoApp app) : UserAdminSliceTests(app), IClassFixture<PostgreSqlDemoApp>;
