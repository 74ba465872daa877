using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ToanDan.Tests.Infrastructure;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Models;
using ToanDan.Web.Features.Models.Staff;
using ToanDan.Web.Infrastructure.Spreadsheets;

namespace ToanDan.Tests.Features.Models;

/// <summary>
/// The Models module over the demo data: annual figures from records (Nam Sách 2020: 88 maintained, 9 built), the
/// list and its export, the model page's workflows, exemplars, the catalogue, the Excel import, and unit scope
/// (commune A cannot see commune B's models; a cluster is visible to its member units but edited by its owner only).
/// </summary>
public abstract class ModelsPagesTests(AppFixture app) : AppTests(app)
{
    private const string District = "DistrictPolice@291";
    private const string Town = "CommunePolice@10606";
    private const string CongHoa = "CommunePolice@10639";
    private const string NamHung = "CommunePolice@10609";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static HttpClient Client(ToanDanFactory factory, string user) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") }).As(user);

    private HttpClient Client(string user) => Client(Factory, user);

    private static async Task<JsonElement> FiguresAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/reports/annual?" + query, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("figures");
    }

    private async Task<Guid> ModelIdAsync(string unit, Func<MovementModel, bool>? predicate = null)
    {
        await using var scope = Scope();
        var models = await scope.ServiceProvider.GetRequiredService<ToanDanDb>().MovementModels.AsNoTracking().Include(m => m.Members)
            .Where(m => m.UnitCode == unit).OrderBy(m => m.EstablishedOn).ToListAsync(Ct);
        return models.First(predicate ?? (_ => true)).Id;
    }

    private static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string url, string formSelector, params (string Field, string Value)[] values)
    {
        var page = await Html.GetAsync(client, url);
        var form = page.QuerySelector(formSelector) ?? throw new InvalidOperationException($"No form {formSelector} on {url}.");
        var fields = Html.Fields(form);
        foreach (var (field, value) in values)
        {
            fields.Set(field, value);
        }

        var action = form.GetAttribute("action");
        return await Html.PostAsync(client, string.IsNullOrEmpty(action) ? url : action, fields);
    }

    [Fact]
    public async Task AnnualReport_NamSach2020_Shows88MaintainedAnd9Built_ThenMovesWithANewRecord()
    {
        await using var isolated = await IsolatedApp.CreateAsync(App.Target, TestData.Demo);
        using var client = Client(isolated.Factory, District);
        var figures = await FiguresAsync(client, "unit=291&year=2020");
        Assert.Equal(88, figures.GetProperty("models.maintained").GetDecimal());
        Assert.Equal(9, figures.GetProperty("models.builtInYear").GetDecimal());
        Assert.Equal(5, figures.GetProperty("models.clusters").GetDecimal());
        Assert.True(figures.GetProperty("models.points").GetDecimal() >= 88);
        Assert.True(figures.GetProperty("models.teams").GetDecimal() >= figures.GetProperty("models.points").GetDecimal());
        Assert.Equal(1, figures.GetProperty("models.builtInYear.linkedCluster").GetDecimal());
        Assert.Equal(12, figures.GetProperty("models.exemplars").GetDecimal());
        var evaluated = figures.GetProperty("models.evaluated").GetDecimal();
        Assert.InRange(evaluated, 70, 88);

        // One more model built in June 2020 in the town moves both figures.
        var created = await SubmitAsync(client, "/staff/models/new", "main form[method=post]",
            ("Input.UnitCode", "10606"), ("Input.Name", "Tổ tự quản chợ Nam Sách"), ("Input.KindCode", "selfManaged"),
            ("Input.FieldCode", "general"), ("Input.EstablishedOn", "2020-06-01"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        figures = await FiguresAsync(client, "unit=291&year=2020");
        Assert.Equal(89, figures.GetProperty("models.maintained").GetDecimal());
        Assert.Equal(10, figures.GetProperty("models.builtInYear").GetDecimal());

        // Dissolving it in 2020 takes it out of "maintained" but not out of "built in 2020".
        var url = created.Headers.Location!.OriginalString;
        var dissolved = await SubmitAsync(client, url, "#status-form", ("statusForm.Status", "Dissolved"), ("statusForm.EffectiveOn", "2020-12-01"));
        Assert.Equal(HttpStatusCode.Redirect, dissolved.StatusCode);
        figures = await FiguresAsync(client, "unit=291&year=2020");
        Assert.Equal(88, figures.GetProperty("models.maintained").GetDecimal());
        Assert.Equal(10, figures.GetProperty("models.builtInYear").GetDecimal());
    }

    [Fact]
    public async Task AnnualReport_CurrentTree_HaiPhongRollsUpNamSachModels()
    {
        using var client = Client("ProvincePolice@30,ProvincePolice@31");
        var current = await FiguresAsync(client, "unit=31&year=2020&tree=current");
        Assert.Equal(88, current.GetProperty("models.maintained").GetDecimal());
        var historic = await FiguresAsync(client, "unit=30&year=2020");
        Assert.Equal(88, historic.GetProperty("models.maintained").GetDecimal());
        Assert.Equal(92, (await FiguresAsync(client, "unit=291&year=2021")).GetProperty("models.maintained").GetDecimal());
    }

    [Fact]
    public async Task AnnualReport_ClusterAcrossTheProvinceBorder_CountsAsParticipatingForBacNinh()
    {
        using var client = Client("ProvincePolice@27");
        var figures = await FiguresAsync(client, "unit=27&year=2020");
        Assert.Equal(0, figures.GetProperty("models.maintained").GetDecimal());
        Assert.Equal(1, figures.GetProperty("models.clusters.participating").GetDecimal());
    }

    [Fact]
    public async Task List_District2020Maintained_Shows88_AndTheExportHasTheSameRows()
    {
        using var client = Client(District);
        var page = await Html.GetAsync(client, "/staff/models?Filter.Year=2020&Filter.Status=Active");
        Assert.Equal("88", page.QuerySelector("#model-total")!.TextContent.Trim());
        var built = await Html.GetAsync(client, "/staff/models?Filter.Year=2020&Filter.BuiltOnly=true");
        Assert.Equal("9", built.QuerySelector("#model-total")!.TextContent.Trim());

        var export = await client.GetAsync("/staff/models?handler=Export&Filter.Year=2020&Filter.Status=Active", Ct);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal(XlsxWriter.ContentType, export.Content.Headers.ContentType!.MediaType);
        var sheet = XlsxReader.ReadFirstSheet(await export.Content.ReadAsByteArrayAsync(Ct));
        Assert.True(sheet.IsSuccess);
        Assert.Equal(89, sheet.Value.Rows.Count);
        Assert.Equal(ModelSheet.Header, sheet.Value.Rows[0].Cells.Take(ModelSheet.Header.Count));
    }

    [Fact]
    public async Task List_FiltersByKindFieldAndUnit()
    {
        using var client = Client(District);
        var clusters = await Html.GetAsync(client, "/staff/models?Filter.Kind=linkedCluster&Filter.Year=2020&Filter.Status=Active");
        Assert.Equal("5", clusters.QuerySelector("#model-total")!.TextContent.Trim());
        var drugs = await Html.GetAsync(client, "/staff/models?Filter.Field=drugs&Filter.Unit=10606");
        Assert.All(Html.Texts(drugs, "main table tbody td:nth-child(4)"), t => Assert.Equal("Phòng, chống ma túy", t));
        var bogus = await client.GetAsync("/staff/models?Filter.Status=Nonsense&Filter.Year=abc", Ct);
        Assert.Equal(HttpStatusCode.OK, bogus.StatusCode);
    }

    [Fact]
    public async Task Scope_CommuneOfficer_SeesOnlyTheirCommune_AndOtherCommunesAre404()
    {
        using var town = Client(Town);
        var list = await Html.GetAsync(town, "/staff/models?Filter.Year=2020&Filter.Status=Active");
        // The account of commune 10606 also covers, through the current tree, the communes merged into today's Xã Nam
        // Sách (Nam Hồng 10651, Hồng Phong 10654, Đồng Lạc 10657): 7 + 5 + 4 + 5 models, and nothing else.
        Assert.Equal("21", list.QuerySelector("#model-total")!.TextContent.Trim());
        string[] covered = ["Thị trấn Nam Sách", "Xã Nam Hồng", "Xã Hồng Phong", "Xã Đồng Lạc"];
        Assert.All(Html.Texts(list, "main table tbody td:nth-child(2)"), t => Assert.Contains(t, covered));

        var other = await ModelIdAsync("10639", m => !m.IsCluster);
        Assert.Equal(HttpStatusCode.NotFound, (await town.GetAsync($"/staff/models/{other}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await town.GetAsync($"/staff/models/{other}/edit", Ct)).StatusCode);

        // Posting to another commune's model is "not found" too, and changes nothing.
        var token = Html.Token(await Html.GetAsync(town, "/staff/models/new"));
        var response = await Html.PostAsync(town, $"/staff/models/{other}?handler=Status",
            [new("__RequestVerificationToken", token), new("statusForm.Status", "Paused"), new("statusForm.EffectiveOn", "2021-01-01")]);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await using var scope = Scope();
        Assert.Single(await scope.ServiceProvider.GetRequiredService<ToanDanDb>().ModelStatusChanges.Where(c => c.ModelId == other).ToListAsync(Ct));
    }

    [Fact]
    public async Task Cluster_IsVisibleToMemberUnits_ButOnlyTheOwnerEdits()
    {
        var cluster = await ModelIdAsync("10606", m => m.IsCluster);
        using var member = Client(NamHung);
        var page = await Html.GetAsync(member, $"/staff/models/{cluster}");
        Assert.Contains("Nam Hưng", page.QuerySelector("#members")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#point-form"));
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"/staff/models/{cluster}/edit", Ct)).StatusCode);
        var list = await Html.GetAsync(member, "/staff/models?Filter.Kind=linkedCluster");
        Assert.Equal("1", list.QuerySelector("#model-total")!.TextContent.Trim());

        using var stranger = Client(CongHoa);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/staff/models/{cluster}", Ct)).StatusCode);

        using var owner = Client(Town);
        var ownerPage = await Html.GetAsync(owner, $"/staff/models/{cluster}");
        Assert.NotNull(ownerPage.QuerySelector("#member-form"));
    }

    [Fact]
    public async Task ModelPage_Workflow_CreateAddPointMemberAndEvaluation()
    {
        using var client = Client(CongHoa);
        var created = await SubmitAsync(client, "/staff/models/new", "main form[method=post]",
            ("Input.UnitCode", "10639"), ("Input.Name", "Cụm liên kết thử nghiệm Cộng Hòa"), ("Input.KindCode", "linkedCluster"),
            ("Input.FieldCode", "crime"), ("Input.EstablishedOn", "2024-01-15"), ("Input.IsCluster", "true"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var url = created.Headers.Location!.OriginalString;

        var point = await SubmitAsync(client, url, "#point-form", ("pointForm.Name", "Thôn thử nghiệm"), ("pointForm.EstablishedOn", "2024-02-01"), ("pointForm.Teams", "3"), ("pointForm.Members", "27"));
        Assert.Equal(HttpStatusCode.Redirect, point.StatusCode);
        var member = await SubmitAsync(client, url, "#member-form", ("memberForm.UnitCode", "10585"), ("memberForm.JoinedOn", "2024-01-15"));
        Assert.Equal(HttpStatusCode.Redirect, member.StatusCode);

        // Too young for 2024 (established after 31/03/2024 would be; this one is old enough) and not for 2023.
        var tooEarly = await SubmitAsync(client, url, "#evaluation-form", ("evaluationForm.Year", "2023"), ("evaluationForm.EvaluatedOn", "2024-02-01"));
        Assert.Equal(HttpStatusCode.BadRequest, tooEarly.StatusCode);
        Assert.Contains("chưa đủ 9 tháng", (await Html.ParseAsync(tooEarly)).QuerySelector(".errors")!.TextContent, StringComparison.Ordinal);
        var evaluated = await SubmitAsync(client, url, "#evaluation-form", ("evaluationForm.Year", "2024"), ("evaluationForm.EvaluatedOn", "2024-11-20"), ("evaluationForm.Result", "Effective"));
        Assert.Equal(HttpStatusCode.Redirect, evaluated.StatusCode);

        var page = await Html.GetAsync(client, url);
        Assert.Contains("Thôn thử nghiệm", page.QuerySelector("#points")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Văn Đức", page.QuerySelector("#members")!.TextContent, StringComparison.Ordinal);
        Assert.Single(page.QuerySelectorAll("#evaluations tbody tr"));

        // The point is edited on its own page; a closing date before its start is refused with a message.
        var pointUrl = page.QuerySelector("#points a")!.GetAttribute("href")!;
        var bad = await SubmitAsync(client, pointUrl, "main form[method=post]", ("Input.ClosedOn", "2024-01-01"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var closed = await SubmitAsync(client, pointUrl, "main form[method=post]", ("Input.ClosedOn", "2025-01-01"));
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);

        // A member unit that does not exist is a clear message, not a 500.
        var unknown = await SubmitAsync(client, url, "#member-form", ("memberForm.UnitCode", "99999"));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("Không có đơn vị mã 99999", await unknown.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewModel_BadInput_ShowsVietnameseErrors_AndSavesNothing()
    {
        using var client = Client(Town);
        var response = await SubmitAsync(client, "/staff/models/new", "main form[method=post]",
            ("Input.UnitCode", "10639"), ("Input.Name", new string('x', 400)), ("Input.KindCode", "nope"), ("Input.EstablishedOn", "2099-01-01"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = (await Html.ParseAsync(response)).QuerySelector(".errors")!.TextContent;
        Assert.Contains("Tên mô hình dài tối đa", text, StringComparison.Ordinal);
        await using var scope = Scope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<ToanDanDb>().MovementModels.AnyAsync(m => m.Name.StartsWith("xxxx"), Ct));

        var outOfScope = await SubmitAsync(client, "/staff/models/new", "main form[method=post]",
            ("Input.UnitCode", "10639"), ("Input.Name", "Mô hình của xã khác"), ("Input.KindCode", "selfManaged"), ("Input.FieldCode", "general"), ("Input.EstablishedOn", "2020-01-01"));
        Assert.Contains("không thuộc phạm vi", (await Html.ParseAsync(outOfScope)).QuerySelector(".errors")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exemplars_ListAndAdd_WithinScope()
    {
        using var client = Client(District);
        var list = await Html.GetAsync(client, "/staff/models/exemplars?year=2020");
        Assert.Equal(12, list.QuerySelectorAll("main table tbody tr").Length);
        var saved = await SubmitAsync(client, "/staff/models/exemplars/new", "main form[method=post]",
            ("Input.UnitCode", "10612"), ("Input.Kind", "Individual"), ("Input.Name", "Ông Lê Văn Thử"), ("Input.RecognisedBy", "Chủ tịch UBND huyện Nam Sách"),
            ("Input.DecisionNumber", "99/QĐ-UBND"), ("Input.DecisionDate", "2019-08-19"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var in2019 = await Html.GetAsync(client, "/staff/models/exemplars?year=2019&kind=Individual");
        Assert.Contains("Ông Lê Văn Thử", in2019.QuerySelector("main table")!.TextContent, StringComparison.Ordinal);

        using var town = Client(Town);
        var townList = await Html.GetAsync(town, "/staff/models/exemplars");
        Assert.DoesNotContain("Ông Lê Văn Thử", townList.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Catalogue_ProvinceAddsAnEntry_UsableOnModels()
    {
        using var client = Client("ProvincePolice@30");
        var saved = await SubmitAsync(client, "/staff/models/catalogue", "#new-field", ("entry.Code", "cyberSecurity"), ("entry.Name", "An ninh mạng"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var bad = await SubmitAsync(client, "/staff/models/catalogue", "#new-field", ("entry.Code", "Bad Code"), ("entry.Name", "Sai"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var again = await SubmitAsync(client, "/staff/models/catalogue", "#new-field", ("entry.Code", "cyberSecurity"), ("entry.Name", "Trùng"));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var form = await Html.GetAsync(client, "/staff/models/new");
        Assert.Contains(form.QuerySelectorAll("#Input_FieldCode option"), o => o.GetAttribute("value") == "cyberSecurity");
    }

    private static async Task<IHtmlDocument> UploadAsync(HttpClient client, string fileName, byte[] content, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var page = await Html.GetAsync(client, "/staff/models/import");
        using var form = new MultipartFormDataContent { { new StringContent(Html.Token(page)), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        var response = await client.PostAsync("/staff/models/import", form, Ct);
        Assert.Equal(expected, response.StatusCode);
        return await Html.ParseAsync(response);
    }

    [Fact]
    public async Task Import_ShowsRowErrorsNamingTheRow_ThenImportsAValidFileOnConfirm()
    {
        using var client = Client(District);
        var bad = XlsxWriter.Write("Mô hình", ["Mã đơn vị", "Tên mô hình", "Loại", "Lĩnh vực", "Ngày thành lập", "Trạng thái"],
        [
            ["10615", "Tổ tự quản nhập thử 1", "Tự quản về an ninh, trật tự", "An ninh, trật tự chung", "15/03/2019", ""],
            ["10615", "Tổ tự quản nhập thử 2", "không có loại này", "An ninh, trật tự chung", "32/13/2019", "đã giải thể"],
            ["10639", "Mô hình ngoài huyện", "camera", "crime", "01/01/2019", ""],
            ["30000", "Đơn vị không có", "camera", "crime", "01/01/2019", ""],
        ]);
        var preview = await UploadAsync(client, "mo-hinh.xlsx", bad);
        var errors = preview.QuerySelectorAll("tr.row-error");
        Assert.Equal(2, errors.Length);
        Assert.Equal("3", errors[0].QuerySelector("th")!.TextContent.Trim());
        Assert.Contains("mo-hinh.xlsx, dòng 3: Loại mô hình “không có loại này”", errors[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Không có đơn vị mã 30000", errors[1].TextContent, StringComparison.Ordinal);
        Assert.Null(preview.QuerySelector("form input[name=token]"));

        var good = XlsxWriter.Write("Mô hình", ModelSheet.Header,
        [
            ["10615", "Tổ tự quản nhập thử 1", "Tự quản về an ninh, trật tự", "an ninh, trat tu chung", "15/03/2023", "", "", "", "", "2", "3", "20", ""],
            ["10618", "Cụm liên kết nhập thử", "linkedCluster", "crime", "01/06/2018", "tạm dừng", "01/07/2020", "có", "10621; 10624", "1", "1", "9", "Nhập thử"],
        ]);
        preview = await UploadAsync(client, "mo-hinh-dung.xlsx", good);
        var token = preview.QuerySelector("form input[name=token]")!.GetAttribute("value")!;
        var confirm = await Html.PostAsync(client, "/staff/models/import?handler=Confirm", [new("__RequestVerificationToken", Html.Token(preview)), new("token", token)]);
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);

        await using (var scope = Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ToanDanDb>();
            var imported = await db.MovementModels.AsNoTracking().Include(m => m.Points).Include(m => m.Members).Include(m => m.StatusChanges)
                .Where(m => m.Name.Contains("nhập thử")).ToListAsync(Ct);
            Assert.Equal(2, imported.Count);
            var first = imported.Single(m => m.UnitCode == "10615");
            Assert.Equal([2, 1], first.Points.OrderByDescending(p => p.Teams).Select(p => p.Teams));
            Assert.Equal(20, first.Points.Sum(p => p.Members));
            var cluster = imported.Single(m => m.IsCluster);
            Assert.Equal(["10621", "10624"], cluster.Members.Select(m => m.UnitCode).Order());
            Assert.Equal(ModelStatus.Paused, cluster.StatusAt(new DateOnly(2020, 12, 31)));
        }

        // The same file again: every row duplicates a stored model.
        preview = await UploadAsync(client, "mo-hinh-dung.xlsx", good);
        Assert.Equal(2, preview.QuerySelectorAll("tr.row-error").Length);

        // A forged or replayed token is refused with a message and a 4xx.
        var forged = await Html.PostAsync(client, "/staff/models/import?handler=Confirm", [new("__RequestVerificationToken", Html.Token(preview)), new("token", "AAAA")]);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var replay = await Html.PostAsync(client, "/staff/models/import?handler=Confirm", [new("__RequestVerificationToken", Html.Token(preview)), new("token", token)]);
        Assert.Equal(HttpStatusCode.Conflict, replay.StatusCode);
    }

    [Fact]
    public async Task Import_NotAnXlsx_IsAClearMessage()
    {
        using var client = Client(District);
        var preview = await UploadAsync(client, "mo-hinh.csv", "a,b\n1,2\n"u8.ToArray());
        Assert.Contains("Chỉ nhận tệp Excel .xlsx.", preview.QuerySelector(".errors")!.TextContent, StringComparison.Ordinal);
        var broken = await UploadAsync(client, "mo-hinh.xlsx", "not a zip"u8.ToArray());
        Assert.NotNull(broken.QuerySelector(".errors"));
    }

    [Fact]
    public async Task Pages_InEnglish_Render()
    {
        using var client = Client(District);
        var model = await ModelIdAsync("10606", m => m.IsCluster);
        Assert.Equal("Models and linked clusters", (await Html.GetAsync(client, "/staff/models?culture=en")).QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("Status history", (await Html.GetAsync(client, $"/staff/models/{model}?culture=en")).QuerySelector("#status-heading")!.TextContent.Trim());
        Assert.Equal("Import a model list from Excel", (await Html.GetAsync(client, "/staff/models/import?culture=en")).QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("Exemplars", (await Html.GetAsync(client, "/staff/models/exemplars?culture=en")).QuerySelector("h1")!.TextContent.Trim());
    }
}

public sealed class ModelsPagesTestsOnSqlite(SqliteDemoApp app) : ModelsPagesTests(app), IClassFixture<SqliteDemoApp>;

public sealed class ModelsPagesTestsOnPostgreSql(PostgreSqlDemoApp app) : ModelsPagesTests(app), IClassFixture<PostgreSqlDemoApp>;
