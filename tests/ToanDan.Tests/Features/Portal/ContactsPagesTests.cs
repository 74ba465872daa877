using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ToanDan.Tests.Infrastructure;
using ToanDan.Web.Data;
using ToanDan.Web.Infrastructure.Demo;

namespace ToanDan.Tests.Features.Portal;

/// <summary>
/// The contacts page with named officials (/lien-he) and the English page (/en), both from the portal settings
/// (Nghị định 42/2022/NĐ-CP: governing agency, address, phone, e-mail and the officials in charge), edited on
/// /staff/portal/settings, and linked from the footer.
/// </summary>
public abstract class ContactsPagesTests(AppFixture app) : AppTests(app)
{
    private const string Settings = "/staff/portal/settings";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client(string? user = null)
    {
        var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        return user is null ? client : client.As(user);
    }

    private static async Task<HttpResponseMessage> SaveAsync(HttpClient client, params (string Field, string Value)[] values)
    {
        var form = await Html.GetAsync(client, Settings);
        var fields = Html.Fields(form.QuerySelector("main form[method=post]")!);
        foreach (var (field, value) in values)
        {
            fields.Set("Input." + field, value);
        }

        return await Html.PostAsync(client, Settings, fields);
    }

    [Fact]
    public async Task Contacts_ShowTheAgencyAndTheNamedOfficials_FromSettings()
    {
        using var anonymous = Client();
        var page = await Html.GetAsync(anonymous, "/lien-he");
        var main = page.QuerySelector("main")!;
        Assert.Equal(PortalDemo.Settings.PortalName, main.QuerySelector("h2")!.TextContent);
        Assert.Contains("Cơ quan chủ quản: UBND huyện Nam Sách", main.TextContent, StringComparison.Ordinal);
        Assert.Equal(PortalDemo.Settings.Address, main.QuerySelector(".contact-address")!.TextContent);
        Assert.Equal("mailto:bbt.namsach@example.vn", main.QuerySelector(".contact-agency a[href^=mailto]")!.GetAttribute("href"));
        var names = Html.Texts(main, ".contacts-table tbody th");
        Assert.Equal(PortalDemo.Settings.Contacts.Select(c => c.Name), names);
        var first = main.QuerySelector(".contacts-table tbody tr")!;
        Assert.Contains("Phó Chủ tịch UBND huyện", first.TextContent, StringComparison.Ordinal);
        Assert.Equal("tel:02203750001", first.QuerySelector("a[href^=tel]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task English_ShowsTheEnglishDescriptionAndTitles()
    {
        using var anonymous = Client();
        foreach (var url in new[] { "/en", "/en/about" })
        {
            var page = await Html.GetAsync(anonymous, url);
            var content = page.QuerySelector("main .english-page")!;
            Assert.Equal("en", content.GetAttribute("lang"));
            Assert.Equal("Nam Sách District Electronic Portal", content.QuerySelector("h1")!.TextContent);
            Assert.Contains("governing agency is the People's Committee of Nam Sách District", content.TextContent, StringComparison.Ordinal);
            Assert.Equal(3, content.QuerySelectorAll("h1 ~ p:not(.muted)").Length - 1);
            Assert.Contains("Vice-Chairman of the District People's Committee, Editor-in-Chief", content.QuerySelector(".contacts-table tbody tr")!.TextContent, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/en/other", Ct)).StatusCode);
    }

    [Fact]
    public async Task Footer_LinksToContactsEnglishSearchAndRss()
    {
        using var anonymous = Client();
        var links = (await Html.GetAsync(anonymous, "/")).QuerySelectorAll("footer .footer-links a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/lien-he", "/en", "/tim-kiem", "/rss.xml"], links);
    }

    [Fact]
    public async Task Settings_EditContactsAndEnglishText_ShowAtOnce_AndBadRowsAreRefused()
    {
        using var chief = Client("EditorInChief@291");
        using var anonymous = Client();
        var form = await Html.GetAsync(chief, Settings);
        Assert.Equal(PortalDemo.Settings.Contacts.Count + 3, form.QuerySelectorAll("table.contact-rows tbody tr").Length);
        var before = await CountContactsAsync();

        // A bad e-mail in a new row: the form comes back with a message, nothing saved.
        var bad = await SaveAsync(chief, ("Contacts[4].Name", "Bà Lê Thị Hoa"), ("Contacts[4].Title", "Phó Chủ tịch"), ("Contacts[4].Email", "không-phải-thư"));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.NotNull((await Html.ParseAsync(bad)).QuerySelector(".errors"));
        Assert.Equal(before, await CountContactsAsync());

        var missingTitle = await SaveAsync(chief, ("Contacts[4].Name", "Bà Lê Thị Hoa"));
        Assert.Contains("chức vụ", (await Html.ParseAsync(missingTitle)).QuerySelector(".errors")!.TextContent, StringComparison.Ordinal);

        // Add one first (order 1), clear the last, and change the English name: the public pages follow at once.
        try
        {
            var saved = await SaveAsync(chief,
                ("Contacts[4].Name", "Bà Lê Thị Hoa <script>alert(1)</script>"), ("Contacts[4].Title", "Chủ tịch UBND huyện"), ("Contacts[4].EnglishTitle", "Chairwoman"), ("Contacts[4].Order", "1"),
                ("Contacts[3].Name", ""), ("Contacts[3].Title", ""), ("Contacts[3].EnglishTitle", ""), ("Contacts[3].Phone", ""), ("Contacts[3].Email", ""),
                ("EnglishName", "Nam Sách Portal"));
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            var contacts = await Html.GetAsync(anonymous, "/lien-he");
            var names = Html.Texts(contacts, ".contacts-table tbody th");
            Assert.Equal(before, names.Count);
            Assert.Equal("Bà Lê Thị Hoa <script>alert(1)</script>", names[0]);
            Assert.Empty(contacts.QuerySelectorAll("main script"));
            Assert.DoesNotContain(PortalDemo.Settings.Contacts[3].Name, names);
            var english = await Html.GetAsync(anonymous, "/en");
            Assert.Equal("Nam Sách Portal", english.QuerySelector("h1")!.TextContent);
            Assert.Equal("Chairwoman", english.QuerySelector(".contacts-table tbody td")!.TextContent);

            await using var scope = Scope();
            var db = scope.ServiceProvider.GetRequiredService<ToanDanDb>();
            Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == "PortalContact" && e.Action == "create", Ct));
        }
        finally
        {
            // Put the demo contacts back for the other tests of this class.
            var restore = new List<(string, string)> { ("EnglishName", PortalDemo.Settings.EnglishName!) };
            for (var i = 0; i < 7; i++)
            {
                var c = i < PortalDemo.Settings.Contacts.Count ? PortalDemo.Settings.Contacts[i] : null;
                restore.AddRange([($"Contacts[{i}].Name", c?.Name ?? ""), ($"Contacts[{i}].Title", c?.Title ?? ""), ($"Contacts[{i}].EnglishTitle", c?.EnglishTitle ?? ""),
                    ($"Contacts[{i}].Phone", c?.Phone ?? ""), ($"Contacts[{i}].Email", c?.Email ?? ""), ($"Contacts[{i}].Order", c is null ? "" : $"{i}")]);
            }

            var fields = Html.Fields((await Html.GetAsync(chief, Settings)).QuerySelector("main form[method=post]")!);
            fields.RemoveAll(f => f.Key.StartsWith("Input.Contacts[", StringComparison.Ordinal));
            foreach (var (field, value) in restore)
            {
                fields.Set("Input." + field, value);
            }

            Assert.Equal(HttpStatusCode.Redirect, (await Html.PostAsync(chief, Settings, fields)).StatusCode);
        }
    }

    private async Task<int> CountContactsAsync()
    {
        await using var scope = Scope();
        return await scope.ServiceProvider.GetRequiredService<ToanDanDb>().PortalContacts.CountAsync(Ct);
    }
}

public sealed class ContactsPagesTestsOnSqlite(SqliteDemoApp app) : ContactsPagesTests(app), IClassFixture<SqliteDemoApp>;

public sealed class ContactsPagesTestsOnPostgreSql(PostgreSqlDemoApp app) : ContactsPagesTests(app), IClassFixture<PostgreSqlDemoApp>;
