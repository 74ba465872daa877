using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ToanDan.Tests.Infrastructure;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Tips;
using ToanDan.Web.Features.Tips.Privacy;
using ToanDan.Web.Features.Tips.Staff;
using ToanDan.Web.Infrastructure;
using ToanDan.Web.Infrastructure.Demo;
using static ToanDan.Tests.Features.Tips.TipsTestKit;

namespace ToanDan.Tests.Features.Tips;

/// <summary>
/// The Tips module end to end on the demo database: the public form and follow-up, bad input, officers' steps,
/// scope, identity reveal, no client address anywhere, figures and demo data.
/// </summary>
public abstract class TipsTests(AppFixture app) : AppTests(app)
{
    private static readonly string[] ChannelKeys = ["web", "inPerson", "phone", "post", "vneid", "other"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(string Code, Guid Id, string Unit)> SubmitAnonymouslyAsync(string what = "Có người bán ma túy ở quán nước đầu ngõ vào buổi tối.")
    {
        var area = await AreaAsync(Factory);
        using var client = Client(Factory);
        var response = await SubmitAsync(Factory, client, new Dictionary<string, string>
        {
            ["Input.What"] = what,
            ["Input.UnitCode"] = area.Communes[0].Code,
            ["Input.Category"] = nameof(TipCategory.Drugs),
            ["Input.Warned"] = "true",
        }, ("anh chup.jpg", "image/jpeg", JpegWithMetadata()));
        var code = await CodeAsync(response);
        await using var scope = Scope();
        var hash = scope.ServiceProvider.GetRequiredService<ReceiptCodes>().Hash(code);
        var id = await scope.ServiceProvider.GetRequiredService<ToanDanDb>().Tips.Where(t => t.ReceiptHash == hash).Select(t => t.Id).SingleAsync(Ct);
        return (code, id, area.Communes[0].Code);
    }

    private async Task<int> TipCountAsync()
    {
        await using var scope = Scope();
        var db = scope.ServiceProvider.GetRequiredService<ToanDanDb>();
        return await db.Tips.CountAsync(Ct) + await db.TipAttachments.CountAsync(Ct);
    }

    [Fact]
    public async Task PublicForm_WorksWithoutJavaScript_WarnsAndHasNoInlineScript()
    {
        using var client = Client(Factory);
        var page = await Html.GetAsync(client, "/to-giac");
        var html = page.DocumentElement.OuterHtml;
        Assert.Contains("113", html, StringComparison.Ordinal);
        Assert.Contains("Điều 144", html, StringComparison.Ordinal);
        Assert.Contains("Không nhớ địa điểm", html, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("input[name='Input.Identity'][value=anonymous][checked]"));
        Assert.NotNull(page.QuerySelector("input.hp, .hp input[name='Input.Website']"));
        Assert.NotEmpty(page.QuerySelectorAll("#Input_UnitCode option[value]:not([value=''])"));
        Assert.All(page.QuerySelectorAll("script"), s => Assert.True(s.HasAttribute("src"), "inline script"));
        Assert.Empty(page.QuerySelectorAll("[style]"));
    }

    [Fact]
    public async Task Submit_Anonymously_WithImage_GivesCodeOnce_StoresOnlyItsHash_AndCleansTheImage()
    {
        var (code, id, unit) = await SubmitAnonymouslyAsync();
        await using var scope = Scope();
        var db = scope.ServiceProvider.GetRequiredService<ToanDanDb>();
        var tip = await db.Tips.AsNoTracking().SingleAsync(t => t.Id == id, Ct);
        Assert.Equal(unit, tip.UnitCode);
        Assert.Equal(TipChannel.Web, tip.Channel);
        Assert.True(tip.Anonymous);
        Assert.Null(tip.IdentityCipher);
        Assert.DoesNotContain(code, tip.ReceiptHash, StringComparison.Ordinal);
        Assert.False(await db.Tips.AnyAsync(t => t.ReceiptHash == code, Ct));

        var file = await db.TipAttachments.AsNoTracking().SingleAsync(a => a.TipId == id, Ct);
        Assert.Equal(TipFileKind.Image, file.Kind);
        Assert.True(file.HasViewCopy);
        var store = scope.ServiceProvider.GetRequiredService<TipFileStore>();
        var original = await File.ReadAllBytesAsync(store.PathOf(id, file.Id, view: false), Ct);
        Assert.Equal(-1, original.AsSpan().IndexOf(Encoding.ASCII.GetBytes(Marker)));

        using var officer = Client(Factory).As($"CommunePolice@{unit}");
        var view = await officer.GetByteArrayAsync($"/staff/tips/{id}?handler=File&file={file.Id}", Ct);
        Assert.Equal(0xFF, view[0]);
        Assert.Equal(-1, view.AsSpan().IndexOf(Encoding.ASCII.GetBytes(Marker)));
        var evidence = await officer.GetByteArrayAsync($"/staff/tips/{id}?handler=File&file={file.Id}&original=true", Ct);
        Assert.True(evidence.AsSpan().IndexOf(Encoding.ASCII.GetBytes(Marker)) >= 0, "the original is kept as evidence");
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityId == file.Id.ToString() && e.Action == "tips.file.original", Ct));
    }

    [Fact]
    public async Task NoClientAddressOrUserAgent_InTheSchemaOrTheAuditTrailOfPublicTips()
    {
        var (_, id, _) = await SubmitAnonymouslyAsync();
        await using var scope = Scope();
        var db = scope.ServiceProvider.GetRequiredService<ToanDanDb>();
        foreach (var entity in new[] { typeof(Tip), typeof(TipMessage), typeof(TipAttachment), typeof(TipReminder), typeof(TipRemoteUnit) })
        {
            foreach (var column in db.Model.FindEntityType(entity)!.GetProperties().Select(p => p.GetColumnName()))
            {
                Assert.DoesNotMatch("(^|_)(ip|ip_address|client|user_agent|agent|remote|host)(_|$)", column.Replace("remote_area", "", StringComparison.Ordinal));
            }
        }

        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.EntityId == id.ToString()).ToListAsync(Ct);
        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.Null(e.ClientIp));

        // Even a signed-in staff member using the public form leaves no address.
        using var staff = Client(Factory).As("Leader@291");
        var area = await AreaAsync(Factory);
        var code = await CodeAsync(await SubmitAsync(Factory, staff, new Dictionary<string, string>
        {
            ["Input.What"] = "Báo tin thử từ máy của cán bộ.",
            ["Input.UnitCode"] = area.Communes[0].Code,
            ["Input.Warned"] = "true",
        }));
        var hash = scope.ServiceProvider.GetRequiredService<ReceiptCodes>().Hash(code);
        var staffTip = await db.Tips.Where(t => t.ReceiptHash == hash).Select(t => t.Id.ToString()).SingleAsync(Ct);
        Assert.All(await db.AuditEntries.AsNoTracking().Where(e => e.EntityId == staffTip).ToListAsync(Ct), e => Assert.Null(e.ClientIp));
    }

    public static TheoryData<string, string> BadText() => new()
    {
        { "", "Hãy cho biết sự việc" },
        { "   \n ", "Hãy cho biết sự việc" },
        { new string('a', 10 * 1024 * 1024), "quá dài" },
        { "Sự việc \uD800 bị lỗi", "ký tự không hợp lệ" },
        { "Sự việc \uFFFD bị lỗi", "ký tự không hợp lệ" },
        { "Điều khiển \u0001", "ký tự không hợp lệ" },
    };

    [Theory]
    [MemberData(nameof(BadText))]
    public async Task Submit_BadText_VietnameseMessage_NothingSaved(string what, string message)
    {
        var before = await TipCountAsync();
        var area = await AreaAsync(Factory);
        using var client = Client(Factory);
        var response = await SubmitAsync(Factory, client, new Dictionary<string, string>
        {
            ["Input.What"] = what,
            ["Input.UnitCode"] = area.Communes[0].Code,
            ["Input.Warned"] = "true",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, Errors(await response.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Equal(before, await TipCountAsync());
    }

    public static TheoryData<string, string, int, string> BadFiles() => new()
    {
        { "to.jpg", "image/jpeg", 11 * 1024 * 1024, "quá lớn" },
        { "hoa-don.jpg", "image/jpeg", -1, "nội dung không phải ảnh" },
        { "anh.jpg", "image/png", 0, "không khớp" },
        { "virus.exe", "application/octet-stream", 0, "chỉ nhận" },
        { "hong.jpg", "image/jpeg", -2, "bị hỏng" },
        { "rong.pdf", "application/pdf", -3, "rỗng" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Submit_BadFile_VietnameseMessage_NothingSavedNoFileWritten(string name, string type, int size, string message)
    {
        var jpeg = JpegWithMetadata();
        byte[] content = size switch
        {
            -1 => "%PDF-1.4 giả làm ảnh"u8.ToArray(),
            -2 => [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3],
            -3 => [],
            0 => jpeg,
            _ => [.. jpeg[..^2], .. new byte[size], 0xFF, 0xD9],
        };
        var before = await TipCountAsync();
        var store = Factory.Services.GetRequiredService<TipFileStore>();
        var filesBefore = store.Enumerate().Count();
        Assert.DoesNotContain(TipsTestSetup.Folder, store.Root, StringComparison.Ordinal);
        var area = await AreaAsync(Factory);
        using var client = Client(Factory);
        var response = await SubmitAsync(Factory, client, new Dictionary<string, string>
        {
            ["Input.What"] = "Sự việc có tệp kèm theo.",
            ["Input.UnitCode"] = area.Communes[0].Code,
            ["Input.Warned"] = "true",
        }, (name, type, content));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, Errors(await response.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Equal(before, await TipCountAsync());
        Assert.Equal(filesBefore, store.Enumerate().Count());
    }

    [Fact]
    public async Task Submit_Bots_HoneypotOrTooFastOrWrongContentType_Refused()
    {
        var before = await TipCountAsync();
        var area = await AreaAsync(Factory);
        using var client = Client(Factory);
        var honeypot = await SubmitAsync(Factory, client, new Dictionary<string, string>
        {
            ["Input.What"] = "Nội dung", ["Input.UnitCode"] = area.Communes[0].Code, ["Input.Warned"] = "true", ["Input.Website"] = "http://spam",
        });
        Assert.Equal(HttpStatusCode.BadRequest, honeypot.StatusCode);

        var page = await Html.GetAsync(client, "/to-giac");
        var fields = Html.Fields(page.QuerySelector("form.tip-form")!).Set("Input.What", "Nội dung").Set("Input.UnitCode", area.Communes[0].Code).Set("Input.Warned", "true");
        var tooFast = await Html.PostAsync(client, "/to-giac", fields);
        Assert.Equal(HttpStatusCode.BadRequest, tooFast.StatusCode);
        Assert.Contains("quá nhanh", Errors(await tooFast.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);

        using var json = new StringContent("{\"What\":\"x\"}", Encoding.UTF8, "application/json");
        var wrongType = await client.PostAsync("/to-giac", json, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Contains("không hợp lệ", await wrongType.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(before, await TipCountAsync());
    }

    [Fact]
    public async Task FollowUp_OfficerReplies_CitizenReadsAndAnswers_InternalNotesNeverShown()
    {
        var (code, id, unit) = await SubmitAnonymouslyAsync();
        using var officer = Client(Factory).As($"CommunePolice@{unit}");
        var detail = await Html.GetAsync(officer, $"/staff/tips/{id}");
        var token = Html.Token(detail);
        Assert.Equal(HttpStatusCode.Redirect, (await Html.PostAsync(officer, $"/staff/tips/{id}?step=Message", [new("__RequestVerificationToken", token), new("Text", "Cảm ơn bạn, đề nghị cho biết thêm biển số xe.")])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Html.PostAsync(officer, $"/staff/tips/{id}?step=Note", [new("__RequestVerificationToken", token), new("Text", "GHI-CHU-NOI-BO: nghi đối tượng quen.")])).StatusCode);

        using var citizen = Client(Factory);
        var form = await Html.GetAsync(citizen, "/tra-cuu");
        var opened = await Html.PostAsync(citizen, "/tra-cuu?handler=Open", [new("__RequestVerificationToken", Html.Token(form)), new("Code", ReceiptCodes.Format(code))]);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var page = await Html.GetAsync(citizen, "/tra-cuu");
        var text = page.Body!.TextContent;
        Assert.Contains("đề nghị cho biết thêm biển số xe", text, StringComparison.Ordinal);
        Assert.DoesNotContain("GHI-CHU-NOI-BO", text, StringComparison.Ordinal);
        Assert.Contains(TipStatus.New.Vietnamese(), text, StringComparison.Ordinal);

        using var reply = new MultipartFormDataContent
        {
            { new StringContent(Html.Token(page)), "__RequestVerificationToken" },
            { new StringContent("Biển số 34A-000.00 (minh họa)."), "Text" },
        };
        Assert.Equal(HttpStatusCode.Redirect, (await citizen.PostAsync("/tra-cuu?handler=Reply", reply, Ct)).StatusCode);
        Assert.Contains("34A-000.00", (await Html.GetAsync(officer, $"/staff/tips/{id}")).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FollowUp_WrongCode_OneGenericAnswer()
    {
        using var citizen = Client(Factory);
        var form = await Html.GetAsync(citizen, "/tra-cuu");
        foreach (var code in new[] { "1234 5678 9012 3456", "abc", "" })
        {
            var response = await Html.PostAsync(citizen, "/tra-cuu?handler=Open", [new("__RequestVerificationToken", Html.Token(form)), new("Code", code)]);
            Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.TooManyRequests);
            Assert.Contains(ToanDan.Web.Features.Tips.Public.TrackModel.WrongCode, Errors(await response.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Staff_StepsWithClocks_AreAudited_AndTheReporterSeesTheOutcome()
    {
        var (code, id, unit) = await SubmitAnonymouslyAsync();
        var officer = As($"CommunePolice@{unit}");
        async Task<Result<HandleTip.Step>> StepAsync(HandleTip.Command command)
        {
            await using var scope = Scope();
            return await scope.ServiceProvider.GetRequiredService<HandleTip.Handler>().HandleAsync(officer, command with { TipId = id }, Ct);
        }

        Assert.True((await StepAsync(new() { Step = HandleTip.Step.Assign, OfficerId = Guid.Empty })).IsSuccess);
        Assert.True((await StepAsync(new() { Step = HandleTip.Step.Classify, Kind = TipKind.Denunciation, Category = TipCategory.Drugs, Complex = true })).IsSuccess);
        Assert.True((await StepAsync(new() { Step = HandleTip.Step.Transfer, Detail = "Phòng CSĐT tội phạm về ma túy Công an tỉnh" })).IsSuccess);
        Assert.Equal(ErrorCodes.Validation, (await StepAsync(new() { Step = HandleTip.Step.Valuable, Valuable = true })).Errors[0].Code);
        Assert.True((await StepAsync(new() { Step = HandleTip.Step.Valuable, Valuable = true, Detail = "Bắt quả tang 1 đối tượng" })).IsSuccess);
        Assert.True((await StepAsync(new() { Step = HandleTip.Step.Decide, Outcome = TipOutcome.Prosecuted, Detail = "QĐ khởi tố số 01" })).IsSuccess);
        Assert.True((await StepAsync(new() { Step = HandleTip.Step.NotifyReporter })).IsSuccess);
        Assert.True((await StepAsync(new() { Step = HandleTip.Step.Reward, Amount = 1_000_000 })).IsSuccess);

        await using (var scope = Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ToanDanDb>();
            var actions = await db.AuditEntries.Where(e => e.EntityId == id.ToString() && e.Action.StartsWith("tips.")).Select(e => e.Action).ToListAsync(Ct);
            Assert.Subset(actions.ToHashSet(), new HashSet<string> { "tips.assign", "tips.classify", "tips.transfer", "tips.valuable", "tips.decide", "tips.reporter.notified", "tips.reward" });
            var view = await scope.ServiceProvider.GetRequiredService<ToanDan.Web.Features.Tips.Public.TrackTip.Handler>().ViewAsync(id, Ct);
            Assert.Equal(TipOutcome.Prosecuted, view!.Outcome);
        }

        Assert.True((await StepAsync(new() { Step = HandleTip.Step.Close })).IsSuccess);
        Assert.Equal(ErrorCodes.Conflict, (await StepAsync(new() { Step = HandleTip.Step.Message, Text = "Còn đọc không?" })).Errors[0].Code);

        // The reporter's access ends a configurable time (90 days) after closure.
        await using (var scope = Scope())
        {
            var track = scope.ServiceProvider.GetRequiredService<ToanDan.Web.Features.Tips.Public.TrackTip.Handler>();
            Assert.Equal(id, await track.FindAsync(code, Ct));
        }

        Factory.Clock.Advance(TimeSpan.FromDays(91));
        await using (var scope = Scope())
        {
            var track = scope.ServiceProvider.GetRequiredService<ToanDan.Web.Features.Tips.Public.TrackTip.Handler>();
            Assert.Null(await track.FindAsync(code, Ct));
        }
    }

    [Fact]
    public async Task Scope_CommuneACannotSeeCommuneBTips_OtherRolesHaveNoAccess()
    {
        Guid demoTip;
        await using (var scope = Scope())
        {
            demoTip = await scope.ServiceProvider.GetRequiredService<ToanDanDb>().Tips.Where(t => t.UnitCode == "10606").Select(t => t.Id).FirstAsync(Ct);
        }

        using var a = Client(Factory).As("CommunePolice@10606");
        using var b = Client(Factory).As("CommunePolice@10639");
        Assert.Equal(HttpStatusCode.OK, (await a.GetAsync($"/staff/tips/{demoTip}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"/staff/tips/{demoTip}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"/staff/tips/{demoTip}/reveal", Ct)).StatusCode);
        var listB = await Html.GetAsync(b, "/staff/tips?year=2020");
        Assert.Null(listB.QuerySelector($"tr[data-tip='{demoTip}']"));
        Assert.NotEmpty(listB.QuerySelectorAll("tr[data-tip]"));
        var listA = await Html.GetAsync(a, "/staff/tips?year=2020");
        Assert.NotNull(listA.QuerySelector($"tr[data-tip='{demoTip}']"));

        using (var scope = Scope())
        {
            var step = await scope.ServiceProvider.GetRequiredService<HandleTip.Handler>().HandleAsync(As("CommunePolice@10639"), new() { TipId = demoTip, Step = HandleTip.Step.Note, Text = "x" }, Ct);
            Assert.Equal(ErrorCodes.NotFound, step.Errors[0].Code);
        }

        foreach (var role in new[] { "MassOrganisation@291", "PortalEditor@291", "EditorInChief@291", "Leader@291" })
        {
            using var other = Client(Factory).As(role);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync("/staff/tips", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/staff/tips/{demoTip}", Ct)).StatusCode);
        }
    }

    [Fact]
    public async Task Reveal_NeedsAReason_IsAudited_AndShowsTheIdentity()
    {
        var area = await AreaAsync(Factory);
        using var citizen = Client(Factory);
        var code = await CodeAsync(await SubmitAsync(Factory, citizen, new Dictionary<string, string>
        {
            ["Input.What"] = "Tôi thấy người lạ vận chuyển hàng cấm.",
            ["Input.UnitCode"] = area.Communes[0].Code,
            ["Input.Identity"] = "named",
            ["Input.Name"] = "Lê Thị Minh Họa",
            ["Input.Phone"] = "0912 345 678",
            ["Input.Secrecy"] = "true",
            ["Input.Warned"] = "true",
        }));
        Guid id;
        await using (var scope = Scope())
        {
            var hash = scope.ServiceProvider.GetRequiredService<ReceiptCodes>().Hash(code);
            id = await scope.ServiceProvider.GetRequiredService<ToanDanDb>().Tips.Where(t => t.ReceiptHash == hash).Select(t => t.Id).SingleAsync(Ct);
        }

        using var officer = Client(Factory).As($"CommunePolice@{area.Communes[0].Code}");
        var detail = await officer.GetStringAsync($"/staff/tips/{id}", Ct);
        Assert.DoesNotContain("Lê Thị Minh Họa", detail, StringComparison.Ordinal);
        Assert.Contains("đề nghị giữ bí mật", detail, StringComparison.Ordinal);
        var form = await Html.GetAsync(officer, $"/staff/tips/{id}/reveal");
        var noReason = await Html.PostAsync(officer, $"/staff/tips/{id}/reveal", [new("__RequestVerificationToken", Html.Token(form)), new("Reason", "xem")]);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.DoesNotContain("Lê Thị Minh Họa", await noReason.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var shown = await Html.PostAsync(officer, $"/staff/tips/{id}/reveal", [new("__RequestVerificationToken", Html.Token(form)), new("Reason", "Cần mời người báo tin lên làm việc để xác minh")]);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Contains("Lê Thị Minh Họa", await shown.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        await using (var scope = Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ToanDanDb>();
            var reveal = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.EntityId == id.ToString() && e.Action == "tips.reveal", Ct);
            Assert.Contains("Cần mời người báo tin", reveal.Changes, StringComparison.Ordinal);
            Assert.DoesNotContain("Lê Thị", string.Join("\n", await db.AuditEntries.Where(e => e.EntityId == id.ToString()).Select(e => e.Changes).ToListAsync(Ct)), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task StaffIntake_OtherChannels_NeedTheRecordNumber_AndAreInScope()
    {
        using var officer = Client(Factory).As("CommunePolice@10606");
        var form = await Html.GetAsync(officer, "/staff/tips/new");
        var fields = Html.Fields(form.QuerySelector("form.tip-form")!).Set("Input.What", "Công dân đến trình báo bị mất trộm trâu.").Set("Input.Channel", "InPerson").Set("Input.Kind", "Denunciation").Set("Input.Anonymous", "true");
        using (var missing = new MultipartFormDataContent())
        {
            foreach (var (k, v) in fields)
            {
                missing.Add(new StringContent(v), k);
            }

            var response = await officer.PostAsync("/staff/tips/new", missing, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("biên bản", Errors(await response.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        }

        fields.Set("Input.RecordNumber", "15/BB-TN");
        using var content = new MultipartFormDataContent();
        foreach (var (k, v) in fields.Set("Input.UnitCode", "10639"))
        {
            content.Add(new StringContent(v), k);
        }

        var outOfScope = await officer.PostAsync("/staff/tips/new", content, Ct);
        Assert.Contains("phạm vi", Errors(await outOfScope.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);

        using var ok = new MultipartFormDataContent();
        foreach (var (k, v) in fields.Set("Input.UnitCode", "10606"))
        {
            ok.Add(new StringContent(v), k);
        }

        var saved = await officer.PostAsync("/staff/tips/new", ok, Ct);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.NotNull(Parse(await saved.Content.ReadAsStringAsync(Ct)).QuerySelector(".receipt-code"));
    }

    [Fact]
    public async Task Lists_OverdueAndDueSoon_Coloured_AndExportXlsx()
    {
        var (_, id, unit) = await SubmitAnonymouslyAsync();
        Factory.Clock.Advance(TimeSpan.FromHours(20));
        using var officer = Client(Factory).As($"CommunePolice@{unit}");
        var soon = await Html.GetAsync(officer, "/staff/tips?view=DueSoon");
        Assert.Equal("DueSoon", soon.QuerySelector($"tr[data-tip='{id}'] [data-clock=transfer]")?.GetAttribute("data-state"));
        Factory.Clock.Advance(TimeSpan.FromHours(5));
        var overdue = await Html.GetAsync(officer, "/staff/tips?view=Overdue");
        var row = overdue.QuerySelector($"tr[data-tip='{id}']");
        Assert.NotNull(row);
        Assert.Contains("row-overdue", row.ClassName, StringComparison.Ordinal);
        Assert.Contains("clock-overdue", row.InnerHtml, StringComparison.Ordinal);
        await using (var scope = Scope())
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<TipsMaintenance>().RunOnceAsync(Ct);
            Assert.True(outcome.Reminders >= 1);
            Assert.Equal(0, (await scope.ServiceProvider.GetRequiredService<TipsMaintenance>().RunOnceAsync(Ct)).Reminders);
            Assert.True(await scope.ServiceProvider.GetRequiredService<ToanDanDb>().TipReminders.AnyAsync(r => r.TipId == id && r.Kind == TipReminderKind.TransferOverdue, Ct));
        }

        var export = await officer.GetAsync("/staff/tips?handler=Export&view=Overdue", Ct);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal(ToanDan.Web.Infrastructure.Spreadsheets.XlsxWriter.ContentType, export.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AnnualFigures_DemoNamSach2020_AFewDozenValuableTips()
    {
        using var leader = Client(Factory).As("Leader@291");
        var json = await leader.GetStringAsync("/api/reports/annual?unit=291&year=2020", Ct);
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var figures = doc.RootElement.GetProperty("figures");
        Assert.Equal(NamSachTipsDemo.Count, figures.GetProperty("tips.received").GetDecimal());
        Assert.Equal(NamSachTipsDemo.ValuableCount, figures.GetProperty("tips.valuable").GetDecimal());
        Assert.InRange(figures.GetProperty("tips.valuable").GetDecimal(), 24, 60);
        var channels = ChannelKeys.Sum(c => figures.GetProperty("tips.channel." + c).GetDecimal());
        Assert.Equal(NamSachTipsDemo.Count, channels);
        var rate = figures.GetProperty("tips.onTimeRate").GetDecimal();
        Assert.InRange(rate, 80, 99.9m);

        // Leaders see figures only: no tips.
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.GetAsync("/staff/tips", Ct)).StatusCode);
    }
}

public sealed class TipsTestsOnSqlite(SqliteDemoApp app) : TipsTests(app), IClassFixture<SqliteDemoApp>;

public sealed class TipsTestsOnPostgreSql(PostgreSqlDemoApp app) : TipsTests(app), IClassFixture<PostgreSqlDemoApp>;
