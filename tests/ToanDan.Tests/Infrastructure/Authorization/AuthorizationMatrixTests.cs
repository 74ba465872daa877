using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Audit;
using ToanDan.Web.Features.Models;
using ToanDan.Web.Features.News;
using ToanDan.Web.Features.Portal;
using ToanDan.Web.Features.ProcedureStats;
using ToanDan.Web.Features.Reports;
using ToanDan.Web.Features.Safety;
using ToanDan.Web.Features.Scoring;
using ToanDan.Web.Features.Tips;
using ToanDan.Web.Features.Units;
using ToanDan.Web.Infrastructure.Authorization;

namespace ToanDan.Tests.Infrastructure.Authorization;

/// <summary>
/// Every staff route × every role × in and out of scope: anonymous users are sent to sign in (401 for the API),
/// a role without the permission gets 403, a role with it gets the page for a record in its scope and 404 for
/// a record of another commune (commune A's officer cannot see commune B's place by URL, list, export or API).
/// </summary>
public abstract class AuthorizationMatrixTests(AppFixture app) : AppTests(app)
{
    private const string InScope = "10606";
    private const string OutOfScope = "10639";

    /// <summary>A staff route: its address, the permission it needs, and whether it shows a record of commune 10606.</summary>
    public sealed record Route(string Url, string Permission, bool Scoped);

    private async Task<IReadOnlyList<Route>> RoutesAsync()
    {
        Guid placeId;
        Guid articleId;
        Guid modelId;
        Guid pointId;
        Guid exemplarId;
        Guid safetyId;
        Guid cardId;
        Guid tipId;
        await using (var scope = Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ToanDanDb>();
            placeId = await db.Places
                .Where(p => p.CommuneCode == InScope).Select(p => p.Id).FirstAsync(TestContext.Current.CancellationToken);
            articleId = await ArticleOfAsync(db, InScope);
            (modelId, pointId, exemplarId) = await ModelOfAsync(db, InScope);
            safetyId = await db.SafetyRecords
                .Where(r => r.UnitCode == InScope && r.Year == 2020 && r.Status == SafetyStatus.CertificateIssued).Select(r => r.Id).FirstAsync(TestContext.Current.CancellationToken);
            cardId = await db.ScoreCards.Where(c => c.UnitCode == InScope && c.Year == 2020).Select(c => c.Id).FirstAsync(TestContext.Current.CancellationToken);
            tipId = await db.Tips.Where(t => t.UnitCode == InScope).Select(t => t.Id).FirstAsync(TestContext.Current.CancellationToken);
        }

        return
        [
            new("/staff", AuthorizationSetup.StaffPolicy, false),
            new("/staff/units", UnitsPermissions.View, false),
            new("/staff/units/291?asOf=2021-07-01", UnitsPermissions.View, false),
            new($"/staff/units/{InScope}/places?asOf=2021-07-01", UnitsPermissions.ViewPlaces, true),
            new($"/staff/units/{InScope}/places/export?format=csv&asOf=2021-07-01", UnitsPermissions.ViewPlaces, true),
            new($"/staff/units/{InScope}/places/export?format=xlsx", UnitsPermissions.ViewPlaces, true),
            new($"/staff/units/{InScope}/places/new?asOf=2021-07-01", UnitsPermissions.EditPlaces, true),
            new($"/staff/places/{placeId}/edit", UnitsPermissions.EditPlaces, true),
            new("/staff/places/import", UnitsPermissions.EditPlaces, false),
            new("/staff/places/import/template?format=csv", UnitsPermissions.EditPlaces, false),
            new("/staff/audit", AuditPermissions.View, false),
            new("/staff/audit/kiem-tra", AuditPermissions.Verify, false),
            new("/staff/news", NewsPermissions.Edit, false),
            new("/staff/news/new", NewsPermissions.Edit, false),
            new("/staff/media", NewsPermissions.Edit, false),
            new($"/staff/news/{articleId}", NewsPermissions.Edit, true),
            new($"/staff/news/{articleId}/history", NewsPermissions.Edit, true),
            new($"/staff/news/{articleId}/publish", NewsPermissions.Publish, true),
            new("/staff/news/categories", NewsPermissions.Publish, false),
            new($"/staff/news/categories?unit={InScope}", NewsPermissions.Publish, true),
            new($"/api/reports/annual?unit={InScope}&year=2020", ReportsPermissions.ViewAnnual, true),
            new("/staff/reports/overview", ReportsPermissions.ViewAnnual, false),
            new($"/staff/reports/overview?unit={InScope}&year=2020", ReportsPermissions.ViewAnnual, true),
            new($"/staff/reports/overview?handler=Export&unit={InScope}&year=2020", ReportsPermissions.ViewAnnual, true),
            new("/staff/procedure-stats", ProcedureStatsPermissions.Edit, false),
            new($"/staff/procedure-stats?unit={InScope}", ProcedureStatsPermissions.Edit, true),
            new($"/staff/procedure-stats/{InScope}/2020/1", ProcedureStatsPermissions.Edit, true),
            new($"/staff/procedure-stats/{InScope}/2019/6", ProcedureStatsPermissions.Edit, true),
            new("/staff/procedure-stats/import", ProcedureStatsPermissions.Edit, false),
            new("/staff/portal/settings", PortalPermissions.EditSettings, false),
            new("/staff/models", ModelsPermissions.View, false),
            new("/staff/models?handler=Export&Filter.Year=2020", ModelsPermissions.View, false),
            new("/staff/models/new", ModelsPermissions.Edit, false),
            new($"/staff/models/{modelId}", ModelsPermissions.View, true),
            new($"/staff/models/{modelId}/edit", ModelsPermissions.Edit, true),
            new($"/staff/models/{modelId}/points/{pointId}", ModelsPermissions.Edit, true),
            new("/staff/models/exemplars", ModelsPermissions.View, false),
            new("/staff/models/exemplars/new", ModelsPermissions.Edit, false),
            new($"/staff/models/exemplars/{exemplarId}", ModelsPermissions.View, true),
            new("/staff/models/catalogue", ModelsPermissions.Catalogue, false),
            new("/staff/models/import", ModelsPermissions.Edit, false),
            new("/staff/models/import?handler=Template", ModelsPermissions.Edit, false),
            new("/staff/safety", SafetyPermissions.View, false),
            new($"/staff/safety?unit={InScope}&year=2020", SafetyPermissions.View, true),
            new($"/staff/safety/export?unit={InScope}&year=2020", SafetyPermissions.View, true),
            new($"/staff/safety/new?unit={InScope}&year=2020", SafetyPermissions.Edit, true),
            new($"/staff/safety/{safetyId}", SafetyPermissions.View, true),
            new($"/staff/safety/{safetyId}/certificate", SafetyPermissions.View, true),
            new($"/staff/safety/{safetyId}/certificate/docx", SafetyPermissions.View, true),
            new("/staff/safety/criteria", SafetyPermissions.View, false),
            new("/staff/scoring", ScoringPermissions.View, false),
            new($"/staff/scoring?unit={InScope}&year=2020", ScoringPermissions.View, true),
            new("/staff/scoring/overdue", ScoringPermissions.View, false),
            new($"/staff/scoring/export?unit={InScope}&year=2020", ScoringPermissions.View, true),
            new($"/staff/scoring/new?unit={InScope}&year=2020", ScoringPermissions.Edit, true),
            new($"/staff/scoring/{cardId}", ScoringPermissions.View, true),
            new("/staff/scoring/sheets", ScoringPermissions.View, false),
            new("/staff/tips", TipsPermissions.View, false),
            new("/staff/tips?view=Overdue&handler=Export", TipsPermissions.View, false),
            new("/staff/tips/new", TipsPermissions.Handle, false),
            new($"/staff/tips/{tipId}", TipsPermissions.View, true),
            new($"/staff/tips/{tipId}/reveal", TipsPermissions.Reveal, true),
            new("/staff/tips/remote-units", TipsPermissions.Configure, false),
        ];
    }

    /// <summary>An article of the commune's portal (the demo has only the district's), created once.</summary>
    private static async Task<Guid> ArticleOfAsync(ToanDanDb db, string unit)
    {
        var ct = TestContext.Current.CancellationToken;
        var existing = await db.Articles.Where(a => a.UnitCode == unit).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct);
        if (existing is { } id)
        {
            return id;
        }

        var article = Article.Create(unit, new ArticleContent("Tin của thị trấn", "", "Nội dung.", null, null, null, []), "tin-cua-thi-tran", DateTime.UtcNow).Value;
        db.Articles.Add(article);
        await db.SaveChangesAsync(ct);
        return article.Id;
    }

    /// <summary>A model of the commune that is not a cluster (clusters are also visible to member units), one of its points, and an exemplar of the commune (created once).</summary>
    private static async Task<(Guid Model, Guid Point, Guid Exemplar)> ModelOfAsync(ToanDanDb db, string unit)
    {
        var ct = TestContext.Current.CancellationToken;
        var model = await db.MovementModels.Include(m => m.Points).Where(m => m.UnitCode == unit && !m.IsCluster && m.Points.Count > 0).OrderBy(m => m.EstablishedOn).FirstAsync(ct);
        var exemplar = await db.Exemplars.Where(e => e.UnitCode == unit).Select(e => (Guid?)e.Id).FirstOrDefaultAsync(ct);
        if (exemplar is null)
        {
            var created = Exemplar.Create(unit, new ExemplarDetails(ExemplarKind.Collective, "Tổ liên gia thử", model.Id, null, "Chủ tịch UBND huyện", "1/QĐ", new DateOnly(2020, 8, 19)), new DateOnly(2026, 1, 1), DateTime.UtcNow).Value;
            db.Exemplars.Add(created);
            await db.SaveChangesAsync(ct);
            exemplar = created.Id;
        }

        return (model.Id, model.Points[0].Id, exemplar.Value);
    }

    private HttpClient Client() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

    [Fact]
    public async Task Anonymous_IsSentToSignIn_OrGets401OnTheApi()
    {
        using var client = Client();
        foreach (var route in await RoutesAsync())
        {
            var response = await client.GetAsync(route.Url, TestContext.Current.CancellationToken);
            if (route.Url.StartsWith("/api/", StringComparison.Ordinal))
            {
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{route.Url}: {response.StatusCode}");
            }
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{route.Url}: {response.StatusCode}");
                Assert.Contains("/dang-nhap", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
            }
        }
    }

    public static TheoryData<StaffRole> Roles() => new(StaffRoles.All);

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task EachRole_GetsWhatItsPermissionsAndScopeAllow(StaffRole role)
    {
        var catalog = Factory.Services.GetRequiredService<PermissionCatalog>();
        var failures = new List<string>();
        foreach (var (unit, inScope) in new[] { (InScope, true), (OutOfScope, false) })
        {
            using var client = Client().As($"{role}@{unit}");
            foreach (var route in await RoutesAsync())
            {
                var granted = route.Permission == AuthorizationSetup.StaffPolicy || catalog.Grants(role, route.Permission);
                var expected = !granted ? HttpStatusCode.Forbidden
                    : route.Scoped && !inScope ? HttpStatusCode.NotFound
                    : HttpStatusCode.OK;
                var actual = (await client.GetAsync(route.Url, TestContext.Current.CancellationToken)).StatusCode;
                if (actual != expected)
                {
                    failures.Add($"{role}@{unit} {route.Url}: expected {(int)expected}, got {(int)actual}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task SensitiveRoleWithoutSecondFactor_IsSentToEnrol()
    {
        using var client = Client().As($"{StaffRole.CommunePolice}@{InScope}", twoFactor: false);
        var response = await client.GetAsync($"/staff/units/{InScope}/places", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/staff/tai-khoan/xac-thuc-hai-buoc", response.Headers.Location!.OriginalString, StringComparison.Ordinal);

        // A role that cannot reveal sensitive data needs no second factor.
        using var leader = Client().As($"{StaffRole.Leader}@{InScope}", twoFactor: false);
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync($"/staff/units/{InScope}/places", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task OutOfScopeOfficer_CannotImportIntoAnotherCommune()
    {
        using var client = Client().As($"{StaffRole.CommunePolice}@{OutOfScope}");
        var page = await client.GetStringAsync("/staff/places/import", TestContext.Current.CancellationToken);
        var token = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(page).QuerySelector("form[enctype] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var csv = "Mã xã,Loại,Tên,Ngày bắt đầu\n" + InScope + ",Khu dân cư,Thôn Lạ,01/07/2021\n";
        form.Add(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "file", "dia-ban.csv");
        var response = await client.PostAsync("/staff/places/import", form, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("không thuộc phạm vi", html, StringComparison.Ordinal);
    }
}

public sealed class AuthorizationMatrixTestsOnSqlite(SqliteDemoApp app) : AuthorizationMatrixTests(app), IClassFixture<SqliteDemoApp>;

public sealed class AuthorizationMatrixTestsOnPostgreSql(PostgreSqlDemoApp app) : AuthorizationMatrixTests(app), IClassFixture<PostgreSqlDemoApp>;
