using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using ToanDan.Tests.Infrastructure;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Accounts;
using ToanDan.Web.Infrastructure.Authorization;

namespace ToanDan.Tests.Features.Accounts;

/// <summary>Real sign-in through the pages and the Identity cookie: password, lockout, two-factor enrolment and sign-in.</summary>
public abstract class SignInTests(AppFixture app) : AppTests(app)
{
    private const string Password = "mot-mat-khau-du-dai";

    private HttpClient NewBrowser() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

    private async Task<string> CreateAsync(StaffRole role, string unit)
    {
        var name = "u" + Guid.NewGuid().ToString("N")[..10];
        await using var scope = Scope();
        var result = await scope.ServiceProvider.GetRequiredService<CreateUser.Handler>().HandleAsync(
            new CreateUser.Command { UserName = name, FullName = "Cán bộ kiểm thử", Password = Password, Roles = [(role, unit)] },
            TestContext.Current.CancellationToken);
        Assert.True(result.IsSuccess, string.Join(" ", result.Errors.Select(e => e.Message)));
        return name;
    }

    private static async Task<string> TokenAsync(HttpClient client, string url)
    {
        var html = await client.GetStringAsync(url, TestContext.Current.CancellationToken);
        var token = new HtmlParser().ParseDocument(html).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
        Assert.False(string.IsNullOrEmpty(token), $"no antiforgery token on {url}");
        return token;
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await TokenAsync(client, url);
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(url, content, TestContext.Current.CancellationToken);
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string login, string password) =>
        PostFormAsync(client, "/dang-nhap", new() { ["Input.Login"] = login, ["Input.Password"] = password });

    [Fact]
    public async Task SignIn_WithPassword_OpensTheStaffHome()
    {
        var name = await CreateAsync(StaffRole.Leader, "291");
        using var client = NewBrowser();
        var response = await SignInAsync(client, name, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/staff", response.Headers.Location?.OriginalString);
        var home = await client.GetAsync("/staff", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var html = await home.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Cán bộ kiểm thử", html, StringComparison.Ordinal);
        Assert.Contains("Huyện Nam Sách", html, StringComparison.Ordinal);
        Assert.Contains("Lãnh đạo", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_UnknownUserAndWrongPassword_GetTheSameAnswer()
    {
        var name = await CreateAsync(StaffRole.Leader, "291");
        using var client = NewBrowser();
        var unknown = await (await SignInAsync(client, "khong-co-ai", Password)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var wrong = await (await SignInAsync(client, name, "sai-mat-khau-roi")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng.", unknown, StringComparison.Ordinal);
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng.", wrong, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_AfterFiveFailures_IsLockedOutEvenWithTheRightPassword()
    {
        var name = await CreateAsync(StaffRole.Leader, "291");
        using var client = NewBrowser();
        for (var i = 0; i < 5; i++)
        {
            await SignInAsync(client, name, "sai-mat-khau-" + i);
        }

        var response = await SignInAsync(client, name, Password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("tạm khóa", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        await using var scope = Scope();
        var db = scope.ServiceProvider.GetRequiredService<ToanDanDb>();
        var user = await db.Users.SingleAsync(u => u.UserName == name, TestContext.Current.CancellationToken);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityId == user.Id.ToString() && e.Action == "locked-out", TestContext.Current.CancellationToken));

        // Once the lockout period is over (Identity reads the system clock, so the end is moved instead) the right password works again.
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var locked = await manager.FindByNameAsync(name);
        Assert.True(locked!.LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(14));
        await manager.SetLockoutEndDateAsync(locked, DateTimeOffset.UtcNow.AddSeconds(-1));
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(client, name, Password)).StatusCode);
    }

    [Fact]
    public async Task SensitiveRole_WithoutSecondFactor_IsSentToEnrolThenSignsInWithTotp()
    {
        var name = await CreateAsync(StaffRole.CommunePolice, "10606");
        using var client = NewBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(client, name, Password)).StatusCode);

        // Staff pages send the user to enrol first.
        var home = await client.GetAsync("/staff", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/staff/tai-khoan/xac-thuc-hai-buoc", home.Headers.Location?.OriginalString, StringComparison.Ordinal);

        // Enrol: read the key the page shows, compute the current code.
        var setup = new HtmlParser().ParseDocument(await client.GetStringAsync("/staff/tai-khoan/xac-thuc-hai-buoc", TestContext.Current.CancellationToken));
        var key = setup.QuerySelector("#authenticator-key")!.TextContent.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        Assert.StartsWith("data:image/png;base64,", setup.QuerySelector("img.qr")!.GetAttribute("src"), StringComparison.Ordinal);
        var totp = new Totp(Base32Encoding.ToBytes(key));
        var wrong = await PostFormAsync(client, "/staff/tai-khoan/xac-thuc-hai-buoc", new() { ["Code"] = "000000" == totp.ComputeTotp(DateTime.UtcNow) ? "111111" : "000000" });
        Assert.Contains("Mã không đúng", await wrong.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var enrolled = await PostFormAsync(client, "/staff/tai-khoan/xac-thuc-hai-buoc", new() { ["Code"] = totp.ComputeTotp(DateTime.UtcNow) });
        var codes = new HtmlParser().ParseDocument(await enrolled.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))
            .QuerySelectorAll("#recovery-codes code").Select(c => c.TextContent).ToList();
        Assert.Equal(10, codes.Count);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff", TestContext.Current.CancellationToken)).StatusCode);

        // A new session now needs the second step; a code from the app opens the staff home.
        using var second = NewBrowser();
        var step1 = await SignInAsync(second, name, Password);
        Assert.StartsWith("/dang-nhap/xac-thuc-hai-buoc", step1.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/staff", TestContext.Current.CancellationToken)).StatusCode);
        var step2 = await PostFormAsync(second, "/dang-nhap/xac-thuc-hai-buoc?returnUrl=%2Fstaff", new() { ["Code"] = totp.ComputeTotp(DateTime.UtcNow), ["UseRecoveryCode"] = "false" });
        Assert.Equal(HttpStatusCode.Redirect, step2.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/staff", TestContext.Current.CancellationToken)).StatusCode);

        // A recovery code works once.
        using var third = NewBrowser();
        await SignInAsync(third, name, Password);
        var recovery = await PostFormAsync(third, "/dang-nhap/xac-thuc-hai-buoc?recovery=true", new() { ["Code"] = codes[0], ["UseRecoveryCode"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, recovery.StatusCode);
        using var fourth = NewBrowser();
        await SignInAsync(fourth, name, Password);
        var reused = await PostFormAsync(fourth, "/dang-nhap/xac-thuc-hai-buoc?recovery=true", new() { ["Code"] = codes[0], ["UseRecoveryCode"] = "true" });
        Assert.Contains("Mã khôi phục không đúng", await reused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        var name = await CreateAsync(StaffRole.Leader, "291");
        using var client = NewBrowser();
        await SignInAsync(client, name, Password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff", TestContext.Current.CancellationToken)).StatusCode);
        var signOut = await PostFormAsync(client, "/dang-xuat", []);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        var after = await client.GetAsync("/staff", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/dang-nhap", after.Headers.Location?.PathAndQuery ?? after.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReturnUrl_ToAnotherSite_IsIgnored()
    {
        var name = await CreateAsync(StaffRole.Leader, "291");
        using var client = NewBrowser();
        var response = await PostFormAsync(client, "/dang-nhap?returnUrl=%2F%2Fevil.example", new() { ["Input.Login"] = name, ["Input.Password"] = Password, ["returnUrl"] = "//evil.example" });
        Assert.Equal("/staff", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Cookies_AreSecureHttpOnlyAndSameSite()
    {
        var name = await CreateAsync(StaffRole.Leader, "291");
        using var client = NewBrowser();
        var response = await SignInAsync(client, name, Password);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("toandan.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task DemoAccounts_AreNotInARealDatabase_ButTheCreatedAdminIs()
    {
        await using var scope = Scope();
        var db = scope.ServiceProvider.GetRequiredService<ToanDanDb>();
        Assert.True(await db.Users.AnyAsync(u => u.UserName == "quantri" && u.IsDemo, TestContext.Current.CancellationToken));
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var admin = await users.FindByNameAsync("quantri");
        Assert.True(await users.CheckPasswordAsync(admin!, ToanDan.Web.Infrastructure.Demo.DemoAccounts.Password));
    }
}

public sealed class SignInTestsOnSqlite(SqliteDemoApp app) : SignInTests(app), IClassFixture<SqliteDemoApp>;

public sealed class SignInTestsOnPostgreSql(PostgreSqlDemoApp app) : SignInTests(app), IClassFixture<PostgreSqlDemoApp>;

/// <summary>The sign-in form is rate limited per client address (POSTs only).</summary>
public sealed class SignInRateLimitTests(SqliteDemoApp app) : AppTests(app), IClassFixture<SqliteDemoApp>
{
    [Fact]
    public async Task SignInPosts_BeyondTheLimit_Get429()
    {
        using var limited = Factory.WithWebHostBuilder(b => b.UseSetting("Security:SignInAttemptsPerMinute", "3"));
        using var client = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            var html = await client.GetStringAsync("/dang-nhap", TestContext.Current.CancellationToken);
            var token = new HtmlParser().ParseDocument(html).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Login"] = "ai-do", ["Input.Password"] = "khong-dung-dau", ["__RequestVerificationToken"] = token });
            statuses.Add((await client.PostAsync("/dang-nhap", form, TestContext.Current.CancellationToken)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);

        // Reading the page is never limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/dang-nhap", TestContext.Current.CancellationToken)).StatusCode);
    }
}
