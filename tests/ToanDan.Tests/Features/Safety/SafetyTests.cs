using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ToanDan.Tests.Infrastructure;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Safety;
using ToanDan.Web.Features.Units;
using ToanDan.Web.Infrastructure;
using ToanDan.Web.Infrastructure.Authorization;
using ToanDan.Web.Infrastructure.Demo;
using Step = ToanDan.Web.Features.Safety.ChangeSafetyStatus.Step;

namespace ToanDan.Tests.Features.Safety;

/// <summary>
/// "An toàn về ANTT" certification against the demo database: the Nam Sách 2020 figures from records, the
/// workflow with its permissions and audit, exclusions, the commune rule, files, the certificate, and scope under
/// the 3-level and 2-level trees. The test clock is 29/11/2026.
/// </summary>
public abstract class SafetyTests(AppFixture app) : AppTests(app)
{
    private const string Officer = "CommunePolice@10606";
    private const string OtherOfficer = "CommunePolice@10639";
    private const string District = "DistrictPolice@291";

    private static readonly string[] PlaceKeys = ["residentialArea", "agency", "enterprise", "school"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static ClaimsPrincipal As(string assignments) => new(new ClaimsIdentity(
        assignments.Split(',').Select(a => new Claim(StaffClaims.RoleAssignment, a)).Append(new Claim(StaffClaims.TwoFactor, "1")).Append(new Claim(ClaimTypes.Name, "kiem-thu")),
        "Test"));

    private HttpClient Client(string user) =>
        Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") }).As(user);

    private async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Scope();
        return await action(scope.ServiceProvider);
    }

    private Task<Result<Guid>> RegisterAsync(string user, RegisterSafety.Command command) =>
        WithAsync(s => s.GetRequiredService<RegisterSafety.Handler>().HandleAsync(As(user), command, Ct));

    private Task<Result<SafetyStatus>> StepAsync(string user, Guid id, Step step, SafetyResult? result = null, string? number = null, DateOnly? date = null, string? note = null) =>
        WithAsync(s => s.GetRequiredService<ChangeSafetyStatus.Handler>().HandleAsync(As(user), new(id, step, note, result, "Ủy ban nhân dân", number, date), Ct));

    private Task<Place> PlaceAsync(string commune, string name) =>
        WithAsync(s => s.GetRequiredService<ToanDanDb>().Places.AsNoTracking().SingleAsync(p => p.CommuneCode == commune && p.Name == name, Ct));

    /// <summary>Fills the checklist (all met unless <paramref name="failing"/>) and the meeting of a draft.</summary>
    private async Task FillAsync(string user, Guid id, DateOnly meeting, string? failing = null)
    {
        var checks = await WithAsync(s => s.GetRequiredService<ToanDanDb>().SafetyChecks.Where(c => c.RecordId == id && !c.Derived).Select(c => c.Code).ToListAsync(Ct));
        var version = await WithAsync(s => s.GetRequiredService<ToanDanDb>().SafetyRecords.Where(r => r.Id == id).Select(r => r.Version).SingleAsync(Ct));
        var saved = await WithAsync(s => s.GetRequiredService<SaveSafetyDossier.Handler>().HandleAsync(As(user),
            new(id, version, meeting, "Họp bình xét", checks.ToDictionary(c => c, c => (bool?)(c != failing)), new Dictionary<string, string?>()), Ct));
        Assert.True(saved.IsSuccess, saved.IsSuccess ? "" : saved.Errors[0].Message);
    }

    private async Task<JsonElement> FiguresAsync(string query)
    {
        using var client = Factory.CreateClient().As(District);
        var response = await client.GetAsync("/api/reports/annual?" + query, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("figures");
    }

    [Fact]
    public async Task Demo_NamSach2020_Has7CommunesAnd120Places_FromRecords_AndAnAddedRecordMovesTheFigure()
    {
        var figures = await FiguresAsync("unit=291&year=2020");
        Assert.Equal(7, figures.GetProperty("safety.communes").GetDecimal());
        Assert.Equal(120, figures.GetProperty("safety.places").GetDecimal());
        Assert.Equal(7, figures.GetProperty("safety.communes.ruleMet").GetDecimal());
        Assert.Equal(10, figures.GetProperty("safety.communes.registered").GetDecimal());
        Assert.Equal(120, PlaceKeys.Sum(k => figures.GetProperty($"safety.places.{k}").GetDecimal()));

        // The derived rule (TT 124/2021 Điều 5 tiêu chí 4) holds for exactly the 7 recognised communes.
        var results = await WithAsync(s => s.GetRequiredService<SafetyResults>().CommunesAsync(NamSachDemo.Communes.Select(c => c.Code).ToList(), 2020, Ct));
        Assert.Equal(NamSachSafetyDemo.RecognisedCommunes.Order(), results.Where(r => r.Rule.Met).Select(r => r.CommuneCode).Order());
        Assert.Equal(NamSachSafetyDemo.RecognisedCommunes.Order(), results.Where(r => r.IsRecognised).Select(r => r.CommuneCode).Order());

        // One more residential area of Hiệp Cát recognised for 2020: the figure follows the records.
        var place = await WithAsync(async s =>
        {
            var db = s.GetRequiredService<ToanDanDb>();
            var registered = await db.SafetyRecords.Where(r => r.Year == 2020 && r.PlaceId != null).Select(r => r.PlaceId!.Value).ToListAsync(Ct);
            return await db.Places.AsNoTracking().FirstAsync(p => p.CommuneCode == "10618" && p.Kind == PlaceKind.ResidentialArea && !registered.Contains(p.Id), Ct);
        });
        var id = (await RegisterAsync(District, new(2020, new DateOnly(2020, 2, 3), place.Id, null))).Value;
        await FillAsync(District, id, new DateOnly(2020, 11, 4));
        Assert.True((await StepAsync(District, id, Step.Submit)).IsSuccess);
        Assert.True((await StepAsync(District, id, Step.Review)).IsSuccess);
        Assert.True((await StepAsync(District, id, Step.Decide, SafetyResult.Recognised, "99/QĐ-UBND", new DateOnly(2020, 11, 26))).IsSuccess);
        var after = await FiguresAsync("unit=291&year=2020");
        Assert.Equal(121, after.GetProperty("safety.places").GetDecimal());
        Assert.Equal(figures.GetProperty("safety.places.residentialArea").GetDecimal() + 1, after.GetProperty("safety.places.residentialArea").GetDecimal());
        Assert.Equal(7, after.GetProperty("safety.communes").GetDecimal());
    }

    [Fact]
    public async Task Workflow_CommuneOfficerCertifiesAResidentialArea_EachStepAudited_CertificatePrintsAndDownloads()
    {
        var place = await PlaceAsync("10606", "Khu dân cư số 10");
        var registered = await RegisterAsync(Officer, new(2026, new DateOnly(2026, 2, 2), place.Id, null));
        Assert.True(registered.IsSuccess, registered.IsSuccess ? "" : registered.Errors[0].Message);
        var id = registered.Value;
        Assert.Equal(ErrorCodes.Conflict, (await RegisterAsync(Officer, new(2026, new DateOnly(2026, 2, 3), place.Id, null))).Errors[0].Code);
        Assert.Equal(ErrorCodes.Validation, (await StepAsync(Officer, id, Step.Submit)).Errors[0].Code);
        await FillAsync(Officer, id, new DateOnly(2026, 11, 2));

        using var client = Client(Officer);
        var page = await Html.GetAsync(client, $"/staff/safety/{id}");
        using (var upload = new MultipartFormDataContent())
        {
            upload.Add(new StringContent(Html.Token(page)), "__RequestVerificationToken");
            upload.Add(new StringContent("MeetingMinutes"), "kind");
            upload.Add(new ByteArrayContent("%PDF-1.4 biên bản"u8.ToArray()), "file", "bien-ban-hop.pdf");
            var uploaded = await client.PostAsync($"/staff/safety/{id}?handler=Upload", upload, Ct);
            Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        }

        using (var disguised = new MultipartFormDataContent())
        {
            disguised.Add(new StringContent(Html.Token(page)), "__RequestVerificationToken");
            disguised.Add(new StringContent("Report"), "kind");
            disguised.Add(new ByteArrayContent("<script>alert(1)</script>"u8.ToArray()), "file", "bao-cao.pdf");
            var refused = await client.PostAsync($"/staff/safety/{id}?handler=Upload", disguised, Ct);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Contains("Nội dung tệp không phải là PDF", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        var withFile = await Html.GetAsync(client, $"/staff/safety/{id}");
        var link = withFile.QuerySelector(".safety-files a")!.GetAttribute("href")!;
        Assert.Equal("%PDF-1.4 biên bản", await client.GetStringAsync(link, Ct));
        using (var other = Client(OtherOfficer))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(link, Ct)).StatusCode);
        }

        Assert.Equal(SafetyStatus.Submitted, (await StepAsync(Officer, id, Step.Submit)).Value);
        Assert.Equal(SafetyStatus.Reviewed, (await StepAsync(Officer, id, Step.Review, note: "Đủ hồ sơ")).Value);
        // The KDC window of 2026 closed on 31/10/2026 (TT 124/2021 Điều 8.2): an earlier decision is refused.
        Assert.Equal(ErrorCodes.Validation, (await StepAsync(Officer, id, Step.Decide, SafetyResult.Recognised, "15/QĐ-UBND", new DateOnly(2026, 10, 30))).Errors[0].Code);
        Assert.Equal(SafetyStatus.Decided, (await StepAsync(Officer, id, Step.Decide, SafetyResult.Recognised, "15/QĐ-UBND", new DateOnly(2026, 11, 20))).Value);
        Assert.Equal(SafetyStatus.CertificateIssued, (await StepAsync(Officer, id, Step.Issue, number: "07/GCN-UBND", date: new DateOnly(2026, 11, 21))).Value);

        var actions = await WithAsync(s => s.GetRequiredService<ToanDanDb>().AuditEntries
            .Where(e => e.EntityId == id.ToString() && e.Action.StartsWith("safety.")).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync(Ct));
        Assert.Equal(["safety.register", "safety.submit", "safety.review", "safety.decide", "safety.issue-certificate"], actions);

        var certificate = await Html.GetAsync(client, $"/staff/safety/{id}/certificate");
        Assert.Equal("GIẤY CÔNG NHẬN", certificate.QuerySelector("h1")!.TextContent);
        Assert.Contains("Khu dân cư số 10", certificate.QuerySelector(".certificate-subject")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("07/GCN-UBND", certificate.QuerySelector(".number")!.TextContent, StringComparison.Ordinal);
        var docx = await client.GetAsync($"/staff/safety/{id}/certificate/docx", Ct);
        Assert.Equal(SafetyCertificate.DocxContentType, docx.Content.Headers.ContentType!.MediaType);
        using var zip = new ZipArchive(await docx.Content.ReadAsStreamAsync(Ct));
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        var xml = await reader.ReadToEndAsync(Ct);
        Assert.Contains("GIẤY CÔNG NHẬN", xml, StringComparison.Ordinal);
        Assert.Contains("Khu dân cư số 10", xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Certificate_Of2020_NamesTheCommuneAsItWasOnTheDecisionDay()
    {
        // Code 10606 was Thị trấn Nam Sách in 2020 and is Xã Nam Sách since the 2025 reorganisation.
        var id = await WithAsync(s => s.GetRequiredService<ToanDanDb>().SafetyRecords
            .Where(r => r.UnitCode == "10606" && r.Year == 2020 && r.Status == SafetyStatus.CertificateIssued).Select(r => r.Id).FirstAsync(Ct));
        var certificate = await Html.GetAsync(Client(Officer), $"/staff/safety/{id}/certificate");
        Assert.Equal("Thị trấn Nam Sách", certificate.QuerySelector(".certificate-unit")!.TextContent.Trim());
        Assert.StartsWith("Nam Sách, ngày", certificate.QuerySelector(".place-date")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_ExcludedPlaces_AreRefusedWithAVietnameseMessage_OnTheHandlerAndThePage()
    {
        foreach (var name in new[] { "Trường Tiểu học Nam Sách", "Trường Mầm non Nam Sách", "Ban Chỉ huy Quân sự huyện Nam Sách" })
        {
            var place = await PlaceAsync("10606", name);
            var result = await RegisterAsync(Officer, new(2026, new DateOnly(2026, 2, 2), place.Id, null));
            Assert.Equal(ErrorCodes.Validation, result.Errors[0].Code);
            Assert.Contains("TT 124/2021/TT-BCA Điều 1", result.Errors[0].Message, StringComparison.Ordinal);
        }

        var small = await WithAsync(s => s.GetRequiredService<ToanDanDb>().Places.AsNoTracking().FirstAsync(p => p.EnterpriseSize == EnterpriseSize.Small, Ct));
        Assert.Contains("nhỏ", (await RegisterAsync(District, new(2026, new DateOnly(2026, 2, 2), small.Id, null))).Errors[0].Message, StringComparison.Ordinal);

        var school = await PlaceAsync("10606", "Trường Tiểu học Nam Sách");
        using var client = Client(Officer);
        var page = await Html.GetAsync(client, "/staff/safety/new?unit=10606&year=2026");
        var response = await Html.PostAsync(client, "/staff/safety/new", [
            new("__RequestVerificationToken", Html.Token(page)), new("Input.Unit", "10606"), new("Input.Year", "2026"),
            new("Input.Subject", school.Id.ToString()), new("Input.RegisteredOn", "2026-02-02"), new("Input.ManagedBy", "Commune")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Trường tiểu học không thuộc đối tượng", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        // Outside the first quarter (TT 124/2021 Điều 4.1).
        var area = await PlaceAsync("10606", "Khu dân cư số 9");
        Assert.Contains("quý I", (await RegisterAsync(Officer, new(2026, new DateOnly(2026, 4, 2), area.Id, null))).Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scope_OtherCommune_FindsNothing_ByHandlerPageListOrExport()
    {
        var place = await PlaceAsync("10606", "Khu dân cư số 8");
        var id = (await RegisterAsync(Officer, new(2026, new DateOnly(2026, 3, 1), place.Id, null))).Value;
        Assert.Equal(ErrorCodes.NotFound, (await RegisterAsync(OtherOfficer, new(2026, new DateOnly(2026, 3, 1), place.Id, null))).Errors[0].Code);
        Assert.Equal(ErrorCodes.NotFound, (await StepAsync(OtherOfficer, id, Step.Submit)).Errors[0].Code);
        Assert.False((await WithAsync(s => s.GetRequiredService<GetSafetyRecord.Handler>().HandleAsync(As(OtherOfficer), id, Ct))).IsSuccess);
        var rows = await WithAsync(s => s.GetRequiredService<ListSafetyRecords.Handler>().HandleAsync(As(OtherOfficer), new(2026), Ct));
        Assert.DoesNotContain(rows.Value, r => r.Id == id);
        Assert.Contains((await WithAsync(s => s.GetRequiredService<ListSafetyRecords.Handler>().HandleAsync(As(District), new(2026, "291"), Ct))).Value, r => r.Id == id);

        using var other = Client(OtherOfficer);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/staff/safety/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/staff/safety/{id}/certificate", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/staff/safety?unit=10606&year=2026", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/staff/safety/export?unit=10606&year=2026", Ct)).StatusCode);
        var export = await Client(District).GetAsync("/staff/safety/export?unit=291&year=2020", Ct);
        Assert.Equal(ToanDan.Web.Infrastructure.Spreadsheets.XlsxWriter.ContentType, export.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task IllegalTransition_OnThePage_Answers409WithAVietnameseMessage()
    {
        var place = await PlaceAsync("10606", "Khu dân cư số 7");
        var id = (await RegisterAsync(Officer, new(2026, new DateOnly(2026, 3, 2), place.Id, null))).Value;
        using var client = Client(Officer);
        var page = await Html.GetAsync(client, $"/staff/safety/{id}");
        var response = await Html.PostAsync(client, $"/staff/safety/{id}?handler=Step", [
            new("__RequestVerificationToken", Html.Token(page)), new("step", "Issue"), new("number", "1/GCN"), new("date", "2026-11-20")]);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Không thể chuyển hồ sơ từ “Đã đăng ký, đang lập hồ sơ” sang “Đã cấp Giấy công nhận”", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commune_IsDecidedByTheDistrict_WithTheDerivedRuleShown_Tt124Articles5And10()
    {
        var id = (await RegisterAsync(Officer, new(2024, new DateOnly(2024, 1, 15), null, "10606"))).Value;
        await FillAsync(Officer, id, new DateOnly(2024, 11, 20));
        Assert.True((await StepAsync(Officer, id, Step.Submit)).IsSuccess);
        Assert.True((await StepAsync(Officer, id, Step.Review)).IsSuccess);

        var details = (await WithAsync(s => s.GetRequiredService<GetSafetyRecord.Handler>().HandleAsync(As(Officer), id, Ct))).Value;
        Assert.False(details.CanDecide);
        Assert.Equal(ManagingLevel.District, details.Authority.Level);
        Assert.False(details.Commune!.Rule.Met);
        Assert.Equal(0, details.Commune.Rule.Registered);

        // The commune police cannot record the district's decision; the district police can.
        Assert.Equal(ErrorCodes.Forbidden, (await StepAsync(Officer, id, Step.Decide, SafetyResult.Recognised, "3/QĐ-UBND", new DateOnly(2024, 12, 10))).Errors[0].Code);
        var refused = await StepAsync(District, id, Step.Decide, SafetyResult.Recognised, "3/QĐ-UBND", new DateOnly(2024, 12, 10));
        Assert.Equal(ErrorCodes.Conflict, refused.Errors[0].Code);
        Assert.Contains("XA-4", refused.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(SafetyStatus.Decided, (await StepAsync(District, id, Step.Decide, SafetyResult.NotRecognised, "3/QĐ-UBND", new DateOnly(2024, 12, 10))).Value);

        using var client = Client(Officer);
        var page = await Html.GetAsync(client, $"/staff/safety/{id}");
        Assert.Equal("False", page.QuerySelector(".commune-rule")!.GetAttribute("data-rule-met"));
        var listing = await Html.GetAsync(Client(District), "/staff/safety?unit=291&year=2020");
        Assert.Equal(7, listing.QuerySelectorAll(".safety-communes tr[data-rule-met='True']").Length);
    }

    [Fact]
    public async Task TwoLevelTree_SuccessorCommuneSees2020Records_AndItsCommuneIsDecidedByTheProvince()
    {
        var trace = await WithAsync(s => s.GetRequiredService<UnitTree>().SuccessorsAsync("10606", new DateOnly(2021, 7, 1), Ct, primaryOnly: true));
        var successor = trace.Result.Single().Code;
        var recordId = await WithAsync(s => s.GetRequiredService<ToanDanDb>().SafetyRecords.Where(r => r.UnitCode == "10606" && r.Year == 2020).Select(r => r.Id).FirstAsync(Ct));
        Assert.True((await WithAsync(s => s.GetRequiredService<GetSafetyRecord.Handler>().HandleAsync(As($"CommunePolice@{successor}"), recordId, Ct))).IsSuccess);
        Assert.True((await WithAsync(s => s.GetRequiredService<GetSafetyRecord.Handler>().HandleAsync(As("ProvincePolice@31"), recordId, Ct))).IsSuccess);

        var id = await RegisterAsync($"CommunePolice@{successor}", new(2026, new DateOnly(2026, 1, 20), null, successor));
        Assert.True(id.IsSuccess, id.IsSuccess ? "" : id.Errors[0].Message);
        var details = (await WithAsync(s => s.GetRequiredService<GetSafetyRecord.Handler>().HandleAsync(As($"CommunePolice@{successor}"), id.Value, Ct))).Value;
        Assert.Equal(ManagingLevel.Province, details.Authority.Level);
        Assert.False(details.Authority.Confirmed);
        Assert.False(details.CanDecide);
        Assert.True((await WithAsync(s => s.GetRequiredService<GetSafetyRecord.Handler>().HandleAsync(As("ProvincePolice@31"), id.Value, Ct))).Value.CanDecide);
    }
}

public sealed class SafetyTestsOnSqlite(SqliteDemoApp app) : SafetyTests(app), IClassFixture<SqliteDemoApp>;

public sealed class SafetyTestsOnPostgreSql(PostgreSqlDemoApp app) : SafetyTests(app), IClassFixture<PostgreSqlDemoApp>;
