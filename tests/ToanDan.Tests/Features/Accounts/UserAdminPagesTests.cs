using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ToanDan.Tests.Infrastructure;
using ToanDan.Web.Features.Accounts;
using ToanDan.Web.Features.Audit;
using static ToanDan.Tests.Features.Accounts.AccountTestKit;

namespace ToanDan.Tests.Features.Accounts;

/// <summary>
/// The user administration pages over HTTP, as the administrator of huyện Nam Sách (quantri) uses them: scope,
/// authorization, the create form, and every action on an account, checked in the database, the audit trail and
/// through the real sign-in page.
/// </summary>
public abstract class UserAdminPagesTests(AppFixture app) : AppTests(app)
{
    /// <summary>The demo's administrator: huyện Nam Sách.</summary>
    private const string Admin = "SystemAdministrator@291";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient AdminClient(string assignments = Admin) => Client(Factory).As(assignments);

    private Task<Guid> DemoUserIdAsync(string userName) =>
        WithDbAsync(Factory, db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync(Ct));

    // ---- Scope ----

    [Fact]
    public async Task List_ShowsOnlyAccountsInTheAdministratorsScope()
    {
        var prefix = Unique("scope");
        await NewUserAsync(Factory, prefix + "namsach", "CommunePolice@10606");
        await NewUserAsync(Factory, prefix + "hanoi", "ProvincePolice@01");
        await NewUserAsync(Factory, prefix + "national", "Leader@VN");
        using var client = AdminClient();

        var (_, page) = await GetPageAsync(client, "/staff/users?q=" + prefix);
        var names = page.QuerySelectorAll("#users tbody th").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal([prefix + "namsach"], names);

        (_, page) = await GetPageAsync(client, "/staff/users?q=conganxa");
        names = page.QuerySelectorAll("#users tbody th").Select(c => c.TextContent.Trim()).ToList();
        Assert.Contains("conganxa", names);
        Assert.Contains("conganxa2", names);
        Assert.Contains("Công an xã — Xã Nam Sách (10606)", page.QuerySelector("#users")!.TextContent, StringComparison.Ordinal);

        // The province account of Hải Dương is above huyện Nam Sách: not in its scope.
        (_, page) = await GetPageAsync(client, "/staff/users?q=congantinh");
        Assert.Equal("0", page.QuerySelector("#user-count")!.TextContent);

        using var national = AdminClient("SystemAdministrator@VN");
        (_, page) = await GetPageAsync(national, "/staff/users?q=" + prefix);
        Assert.Equal(3, page.QuerySelectorAll("#users tbody tr").Length);
    }

    [Fact]
    public async Task List_SearchIgnoresDiacritics_AndFiltersByRoleAndStatus()
    {
        var prefix = Unique("find");
        var duc = await NewUserAsync(Factory, prefix + "a", "Leader@10606", fullName: "Nguyễn Văn Đức " + prefix);
        await NewUserAsync(Factory, prefix + "b", "MassOrganisation@10606", fullName: "Trần Thị Hoa " + prefix);
        using var client = AdminClient();

        var (_, page) = await GetPageAsync(client, "/staff/users?q=" + Uri.EscapeDataString("nguyen van duc " + prefix));
        Assert.Equal([prefix + "a"], page.QuerySelectorAll("#users tbody th").Select(c => c.TextContent.Trim()));

        (_, page) = await GetPageAsync(client, $"/staff/users?q={prefix}&role=MassOrganisation");
        Assert.Equal([prefix + "b"], page.QuerySelectorAll("#users tbody th").Select(c => c.TextContent.Trim()));

        await WithDbAsync(Factory, db => db.Users.Where(u => u.Id == duc).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsDisabled, true), Ct));
        (_, page) = await GetPageAsync(client, $"/staff/users?q={prefix}&status=disabled");
        Assert.Equal([prefix + "a"], page.QuerySelectorAll("#users tbody th").Select(c => c.TextContent.Trim()));

        var csv = await client.GetAsync($"/staff/users?handler=Csv&q={prefix}", Ct);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = await csv.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Nguyễn Văn Đức " + prefix, text, StringComparison.Ordinal);
        Assert.Contains("Đã vô hiệu hóa", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("role=Chief", "Vai trò cần lọc không hợp lệ")]
    [InlineData("status=deleted", "Trạng thái cần lọc không hợp lệ")]
    public async Task List_WithABadFilter_IsA400WithAVietnameseMessage(string query, string message)
    {
        using var client = AdminClient();
        var (_, page) = await GetPageAsync(client, "/staff/users?" + query, HttpStatusCode.BadRequest);
        Assert.Contains(message, page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_PagesThroughManyAccounts()
    {
        var prefix = Unique("page");
        for (var i = 0; i < 27; i++)
        {
            await NewUserAsync(Factory, $"{prefix}{i:00}", "Leader@10606");
        }

        using var client = AdminClient();
        var (_, first) = await GetPageAsync(client, "/staff/users?q=" + prefix);
        Assert.Equal(25, first.QuerySelectorAll("#users tbody tr").Length);
        Assert.Equal("27", first.QuerySelector("#user-count")!.TextContent);
        var next = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        var (_, second) = await GetPageAsync(client, next);
        Assert.Equal(2, second.QuerySelectorAll("#users tbody tr").Length);

        // A page number past the end, or not a number, shows a page rather than an error.
        (_, second) = await GetPageAsync(client, $"/staff/users?q={prefix}&p=999");
        Assert.Equal(2, second.QuerySelectorAll("#users tbody tr").Length);
        await GetPageAsync(client, $"/staff/users?q={prefix}&p=abc");
    }

    [Fact]
    public async Task OutOfScopeAccount_IsNotFoundByUrl_ForReadingAndForActions()
    {
        var hanoi = await NewUserAsync(Factory, Unique("hn"), "ProvincePolice@01");
        var national = await NewUserAsync(Factory, Unique("vn"), "SystemAdministrator@VN");
        var congantinh = await DemoUserIdAsync("congantinh");
        using var client = AdminClient();

        foreach (var id in new[] { hanoi, national, congantinh, Guid.NewGuid() })
        {
            await GetPageAsync(client, $"/staff/users/{id}", HttpStatusCode.NotFound);
        }

        // An action posted with a valid token and a guessed stamp changes nothing and says "not found".
        var (_, form) = await GetPageAsync(client, "/staff/users/new");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var stamp = (await FindUserAsync(Factory, hanoi))!.ConcurrencyStamp!;
        var response = await client.PostAsync($"/staff/users/{hanoi}?handler=Disable",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["stamp"] = stamp }), Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False((await FindUserAsync(Factory, hanoi))!.IsDisabled);

        // The national administrator sees both.
        using var top = AdminClient("SystemAdministrator@VN");
        await GetPageAsync(top, $"/staff/users/{hanoi}");
        await GetPageAsync(top, $"/staff/users/{national}");
    }

    [Fact]
    public async Task AccountWithARoleOutsideTheScope_IsVisibleButOnlyItsInScopeRolesCanBeChanged()
    {
        var id = await NewUserAsync(Factory, Unique("mixed"), "CommunePolice@10606,ProvincePolice@30");
        using var client = AdminClient();
        var (_, page) = await GetPageAsync(client, $"/staff/users/{id}");
        Assert.Null(page.QuerySelector("form#disable"));
        Assert.Null(page.QuerySelector("form#reset-password"));
        Assert.Single(page.QuerySelectorAll("#roles form"));

        // Even a hand-made post is refused.
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var stamp = page.QuerySelector("#add-role input[name=stamp]")!.GetAttribute("value")!;
        var response = await client.PostAsync($"/staff/users/{id}?handler=ResetPassword",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["stamp"] = stamp }), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("ngoài phạm vi quản lý", (await ParseAsync(response)).QuerySelector("#problems")!.TextContent, StringComparison.Ordinal);
        Assert.False((await FindUserAsync(Factory, id))!.MustChangePassword);
    }

    // ---- Authorization ----

    public static TheoryData<string> NonAdministrators => ["CommunePolice@10606", "ProvincePolice@30", "DistrictPolice@291", "Leader@291", "PortalEditor@291", "MassOrganisation@VN"];

    [Theory]
    [MemberData(nameof(NonAdministrators))]
    public async Task EveryRoute_IsForbiddenToOtherRoles(string assignments)
    {
        var id = await DemoUserIdAsync("conganxa");
        using var client = AdminClient(assignments);
        foreach (var url in new[] { "/staff/users", "/staff/users?handler=Csv", "/staff/users/new", $"/staff/users/{id}" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url, Ct)).StatusCode);
        }

        foreach (var url in new[] { "/staff/users/new", $"/staff/users/{id}?handler=Disable", $"/staff/users/{id}?handler=ResetPassword", $"/staff/users/{id}?handler=AddRole" })
        {
            var response = await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["stamp"] = "x" }), Ct);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        Assert.False((await FindUserAsync(Factory, id))!.IsDisabled);
    }

    [Fact]
    public async Task EveryRoute_SendsAnonymousVisitorsToSignIn()
    {
        var id = await DemoUserIdAsync("conganxa");
        using var browser = Browser(Factory);
        foreach (var url in new[] { "/staff/users", "/staff/users/new", $"/staff/users/{id}" })
        {
            var response = await browser.GetAsync(url, Ct);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/dang-nhap", Location(response), StringComparison.Ordinal);
        }

        var post = await browser.PostAsync($"/staff/users/{id}?handler=Disable", new FormUrlEncodedContent(new Dictionary<string, string>()), Ct);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.StartsWith("/dang-nhap", Location(post), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffHome_IsClosedToAnonymousVisitors()
    {
        using var browser = Browser(Factory);
        var response = await browser.GetAsync("/staff", Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/dang-nhap", Location(response), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/", Ct)).StatusCode);
    }

    [Fact]
    public async Task SignOut_FromTheHeaderForm_EndsTheSession()
    {
        var userName = Unique("out");
        await NewUserAsync(Factory, userName, "Leader@10606");
        using var browser = Browser(Factory);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(browser, userName, Password)).StatusCode);
        var (_, page) = await GetPageAsync(browser, "/staff");
        var response = await SubmitAsync(browser, page, "header form[action='/dang-xuat']");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", Location(response));
        Assert.StartsWith("/dang-nhap", Location(await browser.GetAsync("/staff", Ct)), StringComparison.Ordinal);
    }

    // ---- Create ----

    public static TheoryData<string, string, string, string, string> BadCreateInput => new()
    {
        // user name, role, unit, field, message
        { "ab", "Leader", "10606", "Input.UserName", "Tên đăng nhập dài 3–64 ký tự." },
        { "conganxa", "Leader", "10606", "Input.UserName", "đã có người dùng" },
        { "{new}", "Leader", "99999", "Input.Roles[0].Unit", "Không có đơn vị mã '99999'" },
        { "{new}", "Leader", "03", "Input.Roles[0].Unit", "Không có đơn vị mã '03'" },
        { "{new}", "Leader", "1060", "Input.Roles[0].Unit", "Mã đơn vị gồm 2 chữ số" },
        { "{new}", "Leader", "01", "Input.Roles[0].Unit", "nằm ngoài phạm vi quản lý của bạn" },
        { "{new}", "Leader", "10507", "Input.Roles[0].Unit", "nằm ngoài phạm vi quản lý của bạn" },
        { "{new}", "Leader", "30", "Input.Roles[0].Unit", "nằm ngoài phạm vi quản lý của bạn" },
        { "{new}", "SystemAdministrator", "VN", "Input.Roles[0].Unit", "Chỉ quản trị viên toàn quốc" },
        { "{new}", "", "", "Input.Roles", "Hãy chọn ít nhất một vai trò" },
        { "{new}", "", "10606", "Input.Roles[0].Role", "Hãy chọn vai trò" },
        { "{new}", "Chief", "10606", "Input.Roles[0].Role", "Vai trò không hợp lệ" },
        { "{new}", "Leader", "", "Input.Roles[0].Unit", "Hãy nhập mã đơn vị" },
        { "bad name!", "Leader", "10606", "Input.UserName", "không hợp lệ" },
    };

    [Theory]
    [MemberData(nameof(BadCreateInput))]
    public async Task Create_WithBadInput_ShowsTheFieldErrorAndSavesNothing(string userName, string role, string unit, string field, string message)
    {
        userName = userName.Replace("{new}", Unique("bad"), StringComparison.Ordinal);
        var before = await WithDbAsync(Factory, db => db.Users.CountAsync(Ct));
        using var client = AdminClient();
        var (_, page) = await GetPageAsync(client, "/staff/users/new");
        var response = await SubmitAsync(client, page, "form.account-form", new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.FullName"] = "Người dùng thử",
            ["Input.Roles[0].Role"] = role,
            ["Input.Roles[0].Unit"] = unit,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await ParseAsync(response);
        var error = result.QuerySelector($"[data-valmsg-for='{field}']");
        Assert.NotNull(error);
        Assert.Contains(message, error.TextContent, StringComparison.Ordinal);
        Assert.Null(result.QuerySelector("#temporary-password"));
        Assert.Equal(before, await WithDbAsync(Factory, db => db.Users.CountAsync(Ct)));

        // What was typed comes back.
        Assert.Equal(userName, result.QuerySelector("[name='Input.UserName']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Create_WithAnAddressAlreadyInUse_IsRefused()
    {
        var email = Unique("mail") + "@example.vn";
        await NewUserAsync(Factory, Unique("owner"), "Leader@10606", email: email);
        using var client = AdminClient();
        var (_, page) = await GetPageAsync(client, "/staff/users/new");
        var response = await SubmitAsync(client, page, "form.account-form", new Dictionary<string, string>
        {
            ["Input.UserName"] = Unique("dup"),
            ["Input.FullName"] = "Người dùng thử",
            ["Input.Email"] = email.ToUpperInvariant(),
            ["Input.Roles[0].Role"] = "Leader",
            ["Input.Roles[0].Unit"] = "10606",
        });
        var result = await ParseAsync(response);
        Assert.Contains("đã dùng cho một tài khoản khác", result.QuerySelector("[data-valmsg-for='Input.Email']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_ShowsTheGeneratedPasswordOnce_AndTheUserSignsInAndMustChangeIt()
    {
        var userName = Unique("new");
        using var client = AdminClient();
        var (_, page) = await GetPageAsync(client, "/staff/users/new");

        // The unit-code suggestions hold the admin's units, old tree included.
        Assert.NotNull(page.QuerySelector("#units-in-scope option[value='10639']"));
        Assert.NotNull(page.QuerySelector("#units-in-scope option[value='291']"));
        Assert.Null(page.QuerySelector("#units-in-scope option[value='30']"));

        var response = await SubmitAsync(client, page, "form.account-form", new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.FullName"] = "  Phạm   Thị Lan ",
            ["Input.Roles[0].Role"] = "Leader",
            ["Input.Roles[0].Unit"] = "10606",
            ["Input.Roles[1].Role"] = "MassOrganisation",
            ["Input.Roles[1].Unit"] = "291",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var created = await ParseAsync(response);
        var password = created.QuerySelector("#temporary-password")?.TextContent;
        Assert.False(string.IsNullOrEmpty(password));
        Assert.Equal(16, password.Length);

        var user = await WithDbAsync(Factory, db => db.Users.AsNoTracking().Include(u => u.Roles).SingleAsync(u => u.UserName == userName, Ct));
        Assert.Equal("Phạm Thị Lan", user.FullName);
        Assert.True(user.MustChangePassword);
        Assert.Equal(["Leader@10606", "MassOrganisation@291"], user.Roles.Select(r => r.ClaimValue).Order(StringComparer.Ordinal));

        // Shown once: the account page does not show it again.
        var (_, details) = await GetPageAsync(client, $"/staff/users/{user.Id}");
        Assert.DoesNotContain(password, details.DocumentElement.OuterHtml, StringComparison.Ordinal);

        // Audited: the account and both assignments.
        var audit = await AuditAsync(Factory, user.Id.ToString());
        Assert.Contains(audit, e => e.Action == AuditActions.Create && e.EntityType == nameof(User) && e.Actor == "test-user");
        foreach (var role in user.Roles)
        {
            Assert.Contains(await AuditAsync(Factory, role.Id.ToString()), e => e.Action == AuditActions.Create && e.EntityType == nameof(RoleAssignment));
        }

        // The real sign-in page accepts the password, and the back office first asks for a new one.
        using var browser = Browser(Factory);
        var signIn = await SignInAsync(browser, userName, password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/staff", Location(signIn));
        var staff = await browser.GetAsync("/staff", Ct);
        Assert.Equal(HttpStatusCode.Redirect, staff.StatusCode);
        Assert.Equal("/staff/tai-khoan/doi-mat-khau", Location(staff));
    }

    [Fact]
    public async Task Create_WithATypedPassword_StillForcesAChange()
    {
        var userName = Unique("typed");
        using var client = AdminClient();
        var (_, page) = await GetPageAsync(client, "/staff/users/new");
        var response = await SubmitAsync(client, page, "form.account-form", new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.FullName"] = "Lê Văn Tám",
            ["Input.Password"] = "mot-mat-khau-du-dai",
            ["Input.Roles[0].Role"] = "Leader",
            ["Input.Roles[0].Unit"] = "10639",
        });
        var created = await ParseAsync(response);
        Assert.NotNull(created.QuerySelector("#created"));
        Assert.Null(created.QuerySelector("#temporary-password"));
        Assert.True(await WithDbAsync(Factory, db => db.Users.Where(u => u.UserName == userName).Select(u => u.MustChangePassword).SingleAsync(Ct)));

        // Too short a typed password is a field error.
        (_, page) = await GetPageAsync(client, "/staff/users/new");
        response = await SubmitAsync(client, page, "form.account-form", new Dictionary<string, string>
        {
            ["Input.UserName"] = Unique("short"),
            ["Input.FullName"] = "Lê Văn Tám",
            ["Input.Password"] = "ngan",
            ["Input.Roles[0].Role"] = "Leader",
            ["Input.Roles[0].Unit"] = "10639",
        });
        Assert.Contains("ít nhất 12 ký tự", (await ParseAsync(response)).QuerySelector("[data-valmsg-for='Input.Password']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnitSearch_KeepsTheFormAndListsOnlyUnitsInScope()
    {
        using var client = AdminClient();
        var (_, page) = await GetPageAsync(client, "/staff/users/new");
        var response = await SubmitAsync(client, page, "form.account-form", new Dictionary<string, string>
        {
            ["Input.UserName"] = "giu-lai",
            ["UnitSearch"] = "cong hoa",
        }, action: "/staff/users/new?handler=FindUnits");
        var result = await ParseAsync(response);
        Assert.Equal("giu-lai", result.QuerySelector("[name='Input.UserName']")!.GetAttribute("value"));
        var codes = result.QuerySelectorAll("#units-found code").Select(c => c.TextContent).ToList();
        Assert.Contains("10639", codes);

        response = await SubmitAsync(client, page, "form.account-form", new Dictionary<string, string> { ["UnitSearch"] = "hoan kiem" }, action: "/staff/users/new?handler=FindUnits");
        result = await ParseAsync(response);
        Assert.Empty(result.QuerySelectorAll("#units-found code"));
        Assert.Contains("Không tìm thấy đơn vị nào", result.QuerySelector(".unit-search")!.TextContent, StringComparison.Ordinal);
    }

    // ---- Actions on an account ----

    [Fact]
    public async Task Disable_RefusesSignIn_EndsTheOpenSession_AndEnableRestoresIt()
    {
        var userName = Unique("dis");
        var id = await NewUserAsync(Factory, userName, "Leader@10606");
        using var browser = Browser(Factory);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(browser, userName, Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/staff", Ct)).StatusCode);

        using var client = AdminClient();
        var (_, page) = await GetPageAsync(client, $"/staff/users/{id}");
        var response = await SubmitAsync(client, page, "form#disable");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        (_, page) = await GetPageAsync(client, Location(response));
        Assert.Contains("Đã vô hiệu hóa tài khoản", page.QuerySelector("#done")!.TextContent, StringComparison.Ordinal);
        Assert.True((await FindUserAsync(Factory, id))!.IsDisabled);

        // A new sign-in is refused with the reason.
        using (var other = Browser(Factory))
        {
            var refused = await SignInAsync(other, userName, Password);
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("vô hiệu hóa", (await ParseAsync(refused)).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        }

        // The open session ends at its next check (within a minute).
        Factory.Clock.Advance(TimeSpan.FromSeconds(61));
        var ended = await browser.GetAsync("/staff", Ct);
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.StartsWith("/dang-nhap", Location(ended), StringComparison.Ordinal);

        var audit = await AuditAsync(Factory, id.ToString());
        Assert.Contains(audit, e => e.Action == AuditActions.Update && e.Changes!.Contains("\"IsDisabled\":[false,true]", StringComparison.Ordinal));

        response = await SubmitAsync(client, page, "form#enable");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False((await FindUserAsync(Factory, id))!.IsDisabled);
        using var again = Browser(Factory);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(again, userName, Password)).StatusCode);
    }

    [Fact]
    public async Task ResetPassword_OldPasswordStopsWorking_TheNewOneIsShownOnceAndMustBeChanged()
    {
        var userName = Unique("pw");
        var id = await NewUserAsync(Factory, userName, "Leader@10639");
        DateTimeOffset? lockedUntil = Factory.Clock.GetUtcNow().AddHours(1);
        await WithDbAsync(Factory, db => db.Users.Where(u => u.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.AccessFailedCount, 3).SetProperty(u => u.LockoutEnd, lockedUntil), Ct));
        var stampBefore = (await FindUserAsync(Factory, id))!.SecurityStamp;

        using var client = AdminClient();
        var (_, page) = await GetPageAsync(client, $"/staff/users/{id}");
        Assert.Contains("Tạm khóa", page.QuerySelector("#account-status")!.TextContent, StringComparison.Ordinal);
        var response = await SubmitAsync(client, page, "form#reset-password");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var password = (await ParseAsync(response)).QuerySelector("#temporary-password")!.TextContent;

        var user = (await FindUserAsync(Factory, id))!;
        Assert.True(user.MustChangePassword);
        Assert.Null(user.LockoutEnd);
        Assert.NotEqual(stampBefore, user.SecurityStamp);
        Assert.Contains(await AuditAsync(Factory, id.ToString()), e => e.Action == AuditActions.PasswordReset && e.Actor == "test-user");

        using var browser = Browser(Factory);
        var old = await SignInAsync(browser, userName, Password);
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        Assert.Contains("không đúng", (await ParseAsync(old)).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        var fresh = await SignInAsync(browser, userName, password);
        Assert.Equal(HttpStatusCode.Redirect, fresh.StatusCode);
        Assert.Equal("/staff/tai-khoan/doi-mat-khau", Location(await browser.GetAsync("/staff", Ct)));
    }

    [Fact]
    public async Task ResetTwoFactor_TurnsItOff_VoidsTheCodes_AndIsAudited()
    {
        var id = await NewUserAsync(Factory, Unique("tfa"), "CommunePolice@10606");
        string oldKey;
        await using (var scope = Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            var user = (await users.FindByIdAsync(id.ToString()))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
            oldKey = (await users.GetAuthenticatorKeyAsync(user))!;
        }

        using var client = AdminClient();
        var (_, page) = await GetPageAsync(client, $"/staff/users/{id}");
        Assert.Equal("Bật", page.QuerySelector("#account-2fa")!.TextContent);
        var response = await SubmitAsync(client, page, "form#reset-2fa");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        (_, page) = await GetPageAsync(client, Location(response));
        Assert.Equal("Tắt", page.QuerySelector("#account-2fa")!.TextContent);

        await using (var scope = Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            var user = (await users.FindByIdAsync(id.ToString()))!;
            Assert.False(user.TwoFactorEnabled);
            Assert.Equal(0, await users.CountRecoveryCodesAsync(user));
            Assert.NotEqual(oldKey, await users.GetAuthenticatorKeyAsync(user));
        }

        Assert.Single(await AuditAsync(Factory, id.ToString()), e => e.Action == AuditActions.TwoFactorReset);
    }

    [Fact]
    public async Task AddAndRemoveRoles_AreScopedAudited_AndKeepTheLastOne()
    {
        var id = await NewUserAsync(Factory, Unique("roles"), "Leader@10606");
        var stamp = (await FindUserAsync(Factory, id))!.SecurityStamp;
        using var client = AdminClient();

        // Outside the scope: refused, nothing added.
        var (_, page) = await GetPageAsync(client, $"/staff/users/{id}");
        var response = await SubmitAsync(client, page, "form#add-role", new Dictionary<string, string> { ["role"] = "Leader", ["unit"] = "10507" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("ngoài phạm vi", (await ParseAsync(response)).QuerySelector("#add-role-unit-error")!.TextContent, StringComparison.Ordinal);
        Assert.Single((await FindUserAsync(Factory, id))!.Roles);

        // Already held: refused.
        response = await SubmitAsync(client, page, "form#add-role", new Dictionary<string, string> { ["role"] = "Leader", ["unit"] = "10606" });
        Assert.Contains("đã có vai trò này", (await ParseAsync(response)).QuerySelector("#add-role-unit-error")!.TextContent, StringComparison.Ordinal);

        response = await SubmitAsync(client, page, "form#add-role", new Dictionary<string, string> { ["role"] = "CommunePolice", ["unit"] = "10639" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var user = (await FindUserAsync(Factory, id))!;
        var added = Assert.Single(user.Roles, r => r.UnitCode == "10639");
        Assert.NotEqual(stamp, user.SecurityStamp);
        Assert.Contains(await AuditAsync(Factory, added.Id.ToString()), e => e.Action == AuditActions.Create && e.UnitCode == "10639");

        (_, page) = await GetPageAsync(client, Location(response));
        var removeForm = page.QuerySelectorAll("#roles form").Single(f => f.QuerySelector("input[name=assignmentId]")!.GetAttribute("value") == added.Id.ToString());
        removeForm.Id = "remove-added";
        response = await SubmitAsync(client, page, "form#remove-added");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain((await FindUserAsync(Factory, id))!.Roles, r => r.Id == added.Id);
        Assert.Contains(await AuditAsync(Factory, added.Id.ToString()), e => e.Action == AuditActions.Delete);

        // The last role cannot go: the page offers no button, and a hand-made post is refused.
        (_, page) = await GetPageAsync(client, Location(response));
        Assert.Empty(page.QuerySelectorAll("#roles form"));
        var last = Assert.Single((await FindUserAsync(Factory, id))!.Roles);
        response = await SubmitAsync(client, page, "form#add-role", new Dictionary<string, string> { ["assignmentId"] = last.Id.ToString() },
            action: $"/staff/users/{id}?handler=RemoveRole");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("vai trò cuối cùng", (await ParseAsync(response)).QuerySelector("#problems")!.TextContent, StringComparison.Ordinal);
        Assert.Single((await FindUserAsync(Factory, id))!.Roles);
    }

    [Fact]
    public async Task UpdateProfile_SavesNameAndAddress_AndRefusesAnAddressInUse()
    {
        var taken = Unique("taken") + "@example.vn";
        await NewUserAsync(Factory, Unique("other"), "Leader@10606", email: taken);
        var id = await NewUserAsync(Factory, Unique("prof"), "Leader@10606");
        using var client = AdminClient();

        var (_, page) = await GetPageAsync(client, $"/staff/users/{id}");
        var response = await SubmitAsync(client, page, "form#profile", new Dictionary<string, string> { ["fullName"] = "Đỗ Thị Mai", ["email"] = taken });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var result = await ParseAsync(response);
        Assert.Contains("đã dùng cho một tài khoản khác", result.QuerySelector("#profile-email-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Đỗ Thị Mai", result.QuerySelector("#profile-full-name")!.GetAttribute("value"));

        response = await SubmitAsync(client, page, "form#profile", new Dictionary<string, string> { ["fullName"] = "", ["email"] = "khong-phai-thu" });
        result = await ParseAsync(response);
        Assert.Contains("Hãy nhập họ tên", result.QuerySelector("#profile-full-name-error")!.TextContent, StringComparison.Ordinal);

        var address = Unique("mai") + "@example.vn";
        response = await SubmitAsync(client, page, "form#profile", new Dictionary<string, string> { ["fullName"] = "Đỗ Thị  Mai", ["email"] = address });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var user = (await FindUserAsync(Factory, id))!;
        Assert.Equal("Đỗ Thị Mai", user.FullName);
        Assert.Equal(address, user.Email);
        Assert.Contains(await AuditAsync(Factory, id.ToString()), e => e.Action == AuditActions.Update && e.Changes!.Contains("Đỗ Thị Mai", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StaleForm_IsAClearConflict_AndChangesNothing()
    {
        var id = await NewUserAsync(Factory, Unique("stale"), "Leader@10606");
        using var client = AdminClient();
        var (_, page) = await GetPageAsync(client, $"/staff/users/{id}");

        // Someone else changes the account after the page was opened.
        var response = await SubmitAsync(client, page, "form#profile", new Dictionary<string, string> { ["fullName"] = "Tên mới" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        foreach (var form in new[] { "form#disable", "form#reset-password", "form#reset-2fa", "form#add-role", "form#profile" })
        {
            response = await SubmitAsync(client, page, form, new Dictionary<string, string> { ["role"] = "Leader", ["unit"] = "10639", ["fullName"] = "Tên khác" });
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Contains("vừa được thay đổi", (await ParseAsync(response)).QuerySelector("#problems")!.TextContent, StringComparison.Ordinal);
        }

        var user = (await FindUserAsync(Factory, id))!;
        Assert.False(user.IsDisabled);
        Assert.False(user.MustChangePassword);
        Assert.Equal("Tên mới", user.FullName);
        Assert.Single(user.Roles);
    }

    [Fact]
    public async Task OddRequests_GetAClearAnswer_NeverAServerError()
    {
        var id = await DemoUserIdAsync("conganxa");
        using var client = AdminClient();
        foreach (var (url, status) in new[]
        {
            ($"/staff/users/{id}?handler=Nothing", HttpStatusCode.OK),
            ("/staff/users/not-a-guid", HttpStatusCode.NotFound),
            ("/staff/users?p=-5&role=&status=", HttpStatusCode.OK),
            ("/staff/users?q=" + new string('a', 101), HttpStatusCode.BadRequest),
        })
        {
            Assert.Equal(status, (await client.GetAsync(url, Ct)).StatusCode);
        }

        var (_, page) = await GetPageAsync(client, "/staff/users/new");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        foreach (var (url, status) in new[]
        {
            ($"/staff/users/{id}", HttpStatusCode.MethodNotAllowed),
            ($"/staff/users/{id}?handler=Nothing", HttpStatusCode.MethodNotAllowed),
            ("/staff/users", HttpStatusCode.MethodNotAllowed),
            ($"/staff/users/{id}?handler=Disable", HttpStatusCode.Conflict), // no stamp: treated as a stale form
            ($"/staff/users/{id}?handler=RemoveRole", HttpStatusCode.Conflict),
        })
        {
            var response = await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }), Ct);
            Assert.Equal(status, response.StatusCode);
        }

        // Without the antiforgery token: refused before anything runs.
        var forged = await client.PostAsync($"/staff/users/{id}?handler=Disable", new FormUrlEncodedContent(new Dictionary<string, string>()), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.False((await FindUserAsync(Factory, id))!.IsDisabled);
    }

    [Fact]
    public async Task DetailsPage_IsEnglishWhenAskedFor()
    {
        var id = await DemoUserIdAsync("conganxa");
        using var client = AdminClient();
        var (_, page) = await GetPageAsync(client, $"/staff/users/{id}?culture=en");
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Reset password", page.QuerySelector("#reset-password")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Commune police", page.QuerySelector("#roles")!.TextContent, StringComparison.Ordinal);
    }
}

public sealed class UserAdminPagesTestsOnSqlite(SqliteDemoApp app) : UserAdminPagesTests(app), IClassFixture<SqliteDemoApp>;

public sealed class UserAdminPagesTestsOnPostgreSql(PostgreSqlDemoApp app) : UserAdminPagesTests(app), IClassFixture<PostgreSqlDemoApp>;
