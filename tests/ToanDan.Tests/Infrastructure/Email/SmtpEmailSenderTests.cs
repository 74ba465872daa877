using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ToanDan.Web.Infrastructure.Email;

namespace ToanDan.Tests.Infrastructure.Email;

/// <summary>The e-mail setup: which sender the configuration gives, and a real SMTP conversation with a minimal local server.</summary>
public sealed class SmtpEmailSenderTests
{
    private static IEmailSender SenderFor(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddEmail(configuration).BuildServiceProvider();
        return services.GetRequiredService<IEmailSender>();
    }

    [Fact]
    public void WithoutAHost_NothingIsSent()
    {
        Assert.False(SenderFor([]).IsEnabled);
        Assert.False(SenderFor(new() { ["Smtp:Port"] = "25" }).IsEnabled);
    }

    [Fact]
    public void AHostWithoutASender_RefusesToStart()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SenderFor(new() { ["Smtp:Host"] = "mail.example.vn" }));
        Assert.Contains("Smtp:From", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_TalksSmtpToTheConfiguredServer_InUtf8()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var server = ServeOneMessageAsync(listener);

        var sender = SenderFor(new()
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:From"] = "khong-tra-loi@toandan.example.vn",
            ["Smtp:EnableSsl"] = "false",
        });
        Assert.True(sender.IsEnabled);
        await sender.SendAsync(new EmailMessage("can.bo@example.vn", "Mật khẩu đã được đặt lại", "Xin chào Nguyễn Văn Đức"), TestContext.Current.CancellationToken);

        var (envelope, data) = await server.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Contains("MAIL FROM:<khong-tra-loi@toandan.example.vn>", envelope, StringComparison.Ordinal);
        Assert.Contains("RCPT TO:<can.bo@example.vn>", envelope, StringComparison.Ordinal);
        Assert.Contains("utf-8", data, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Subject: =?utf-8?", data, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Send_ToAClosedPort_Throws()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var sender = SenderFor(new()
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:From"] = "khong-tra-loi@toandan.example.vn",
            ["Smtp:EnableSsl"] = "false",
        });
        await Assert.ThrowsAnyAsync<Exception>(() => sender.SendAsync(new EmailMessage("a@example.vn", "x", "y"), TestContext.Current.CancellationToken));
    }

    /// <summary>Just enough SMTP (RFC 5321) to accept one message: returns the commands and the DATA section.</summary>
    private static async Task<(string Envelope, string Data)> ServeOneMessageAsync(TcpListener listener)
    {
        using var client = await listener.AcceptTcpClientAsync();
        await using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        var envelope = new StringBuilder();
        var data = new StringBuilder();
        await writer.WriteLineAsync("220 localhost ESMTP test");
        while (await reader.ReadLineAsync() is { } line)
        {
            envelope.AppendLine(line);
            var command = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
            switch (command)
            {
                case "EHLO":
                case "HELO":
                    await writer.WriteLineAsync("250 localhost");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 end with .");
                    while (await reader.ReadLineAsync() is { } body && body != ".")
                    {
                        data.AppendLine(body);
                    }

                    await writer.WriteLineAsync("250 queued");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 bye");
                    return (envelope.ToString(), data.ToString());
                default:
                    await writer.WriteLineAsync("250 ok");
                    break;
            }
        }

        return (envelope.ToString(), data.ToString());
    }
}
