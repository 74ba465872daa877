using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ToanDan.E2E.Infrastructure;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Safety;
using ToanDan.Web.Features.Units;
using ToanDan.Web.Infrastructure.Time;
using static Microsoft.Playwright.Assertions;

namespace ToanDan.E2E.Journeys;

/// <summary>
/// Issue 6 done: the commune officer (conganxa, Công an thị trấn Nam Sách, 10606) certifies a residential area "An toàn
/// về ANTT" and prints its certificate. The officer holds safety.edit, safety.review and safety.decide.local, and a KDC is
/// recognised by the commune people's committee (TT 124/2021/TT-BCA Điều 10), so one account walks the whole workflow:
/// register, checklist and meeting, submit, review, decision, certificate, print view and .docx.
/// </summary>
public sealed class SafetyJourneyTests(E2EApp app) : JourneyTests(app)
{
    private const string Commune = "10606";

    [Fact]
    public async Task CommuneOfficer_CertifiesAResidentialArea_AndPrintsItsCertificate()
    {
        var ct = TestContext.Current.CancellationToken;

        // The evaluation year being decided now: the latest whose KDC window (01/11 → 31/10, Điều 8.2) has closed,
        // since a decision must come after the window and not in the future. Registered in its first quarter.
        var today = VietnamTime.Today(TimeProvider.System);
        var year = SafetyRules.Window(SafetySubjectKind.ResidentialArea, today.Year).End <= today ? today.Year : today.Year - 1;
        var registeredOn = new DateOnly(year, 1, 15);
        var meetingOn = new DateOnly(year, 10, 20);
        var decidedOn = new DateOnly(year, 11, 20) <= today ? new DateOnly(year, 11, 20) : today;

        // A residential area of the town with no record for that year yet, and the committee deciding (the commune's name
        // on the decision day: thị trấn Nam Sách until the 2024–2025 reorganisations, xã Nam Sách after them).
        Place place;
        string authority;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var unit = await scope.ServiceProvider.GetRequiredService<UnitTree>().FindAsync(Commune, decidedOn, ct);
            authority = "Ủy ban nhân dân " + char.ToLower(unit!.Name[0], CultureInfo.GetCultureInfo("vi-VN")) + unit.Name[1..];
            var db = scope.ServiceProvider.GetRequiredService<ToanDanDb>();
            var registered = await db.SafetyRecords.Where(r => r.Year == year && r.PlaceId != null).Select(r => r.PlaceId!.Value).ToListAsync(ct);
            place = (await db.Places.AsNoTracking()
                    .Where(p => p.CommuneCode == Commune && p.Kind == PlaceKind.ResidentialArea && !registered.Contains(p.Id))
                    .ToListAsync(ct))
                .OrderByDescending(p => p.Name, StringComparer.Ordinal).First();
        }

        await SignInAsync("conganxa");

        // 1. Register it for the year.
        await OpenAsync("/staff/safety");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Đăng ký mới" }).ClickAsync();
        await Page.GetByLabel("Năm", new() { Exact = true }).FillAsync(year.ToString(CultureInfo.InvariantCulture));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Chọn" }).ClickAsync();
        await Page.GetByLabel("Địa bàn, đơn vị đăng ký").SelectOptionAsync(place.Id.ToString());
        await Page.GetByLabel("Ngày đăng ký (trong quý I)").FillAsync(Iso(registeredOn));
        await Page.Locator("main form[method=post]").GetByRole(AriaRole.Button, new() { Name = "Đăng ký" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex(@"/staff/safety/[0-9a-f-]{36}$"));
        await Expect(Page.Locator("h1")).ToContainTextAsync(place.Name);
        await Expect(Page.Locator("dd[data-status]")).ToHaveAttributeAsync("data-status", nameof(SafetyStatus.Draft));
        var recordUrl = Page.Url;

        // 2. The checklist (every criterion met) and the evaluation meeting.
        var answers = Page.Locator("select[name^='answer[']");
        var count = await answers.CountAsync();
        Assert.True(count >= 4, $"Only {count} criteria on the checklist.");
        for (var i = 0; i < count; i++)
        {
            await answers.Nth(i).SelectOptionAsync("yes");
        }

        await Page.GetByLabel("Ngày họp (biên bản)").FillAsync(Iso(meetingOn));
        await Page.GetByLabel("Tóm tắt biên bản họp").FillAsync("Hội nghị khu dân cư bình xét: 100 % hộ gia đình tán thành đề nghị công nhận (kiểm thử).");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Lưu hồ sơ" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(recordUrl);
        await Expect(Page.Locator("select[name^='answer[']").First).ToHaveValueAsync("yes");
        await ScreenshotAsync("1-dossier");

        // 3. Submit, then review as the commune police.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Gửi hồ sơ" }).ClickAsync();
        await Expect(Page.Locator("dd[data-status]")).ToHaveAttributeAsync("data-status", nameof(SafetyStatus.Submitted));
        await Page.Locator("#review-note").FillAsync("Hồ sơ đầy đủ, đủ điều kiện đề nghị công nhận.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Công an xã thẩm định" }).ClickAsync();
        await Expect(Page.Locator("dd[data-status]")).ToHaveAttributeAsync("data-status", nameof(SafetyStatus.Reviewed));

        // 4. The decision of the commune people's committee: đạt, authority, number, date.
        const string decisionNumber = "25/QĐ-UBND";
        await Page.Locator("#decide-result").SelectOptionAsync(nameof(SafetyResult.Recognised));
        await Page.Locator("#decide-authority").FillAsync(authority);
        await Page.Locator("#decide-number").FillAsync(decisionNumber);
        await Page.Locator("#decide-date").FillAsync(Iso(decidedOn));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Ghi quyết định" }).ClickAsync();
        await Expect(Page.Locator("dd[data-status]")).ToHaveAttributeAsync("data-status", nameof(SafetyStatus.Decided));
        await Expect(Page.Locator("dd[data-result]")).ToHaveAttributeAsync("data-result", nameof(SafetyResult.Recognised));

        // 5. The certificate.
        const string certificateNumber = "07/GCN-UBND";
        await Page.Locator("#issue-number").FillAsync(certificateNumber);
        await Page.Locator("#issue-date").FillAsync(Iso(decidedOn));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Cấp Giấy công nhận" }).ClickAsync();
        await Expect(Page.Locator("dd[data-status]")).ToHaveAttributeAsync("data-status", nameof(SafetyStatus.CertificateIssued));
        await ScreenshotAsync("2-issued");

        // 6. The print view shows the place, the decision's number and date.
        await Page.GetByRole(AriaRole.Link, new() { Name = "In Giấy công nhận" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/certificate$"));
        await Expect(Page.Locator("h1.certificate-title")).ToHaveTextAsync("GIẤY CÔNG NHẬN");
        await Expect(Page.Locator(".certificate-subject")).ToContainTextAsync(place.Name);
        await Expect(Page.Locator(".certificate-body")).ToContainTextAsync($"năm {year.ToString(CultureInfo.InvariantCulture)}");
        await Expect(Page.Locator(".certificate-basis")).ToContainTextAsync($"Quyết định số {decisionNumber} ngày {VietnamTime.Format(decidedOn)}");
        await Expect(Page.Locator(".number")).ToContainTextAsync(certificateNumber);
        await Expect(Page.Locator(".issuer-name")).ToContainTextAsync(authority.ToUpper(CultureInfo.GetCultureInfo("vi-VN")));
        var certificatePath = await ScreenshotAsync("3-certificate");

        // 7. The Word copy: a real .docx (a zip, "PK") with the same text.
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = "Tải .docx" }).ClickAsync());
        Assert.EndsWith(".docx", download.SuggestedFilename, StringComparison.Ordinal);
        var path = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(path, ct);
        Assert.True(bytes.Length > 1000, $"The .docx has {bytes.Length} bytes.");
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);
        using var zip = new ZipArchive(new MemoryStream(bytes));
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        var xml = await reader.ReadToEndAsync(ct);
        Assert.Contains(place.Name, xml, StringComparison.Ordinal);
        Assert.Contains(decisionNumber, xml, StringComparison.Ordinal);

        // 8. The per-commune overview of the year counts the newly recognised place in the commune's row.
        await OpenAsync($"/staff/reports/overview?unit={Commune}&year={year.ToString(CultureInfo.InvariantCulture)}");
        var row = Page.Locator($"tr.overview-commune[data-commune='{Commune}']");
        await Expect(row).ToHaveAttributeAsync("data-recognised", "1");
        await Expect(row).ToHaveAttributeAsync("data-places-recognised", "1");
        await ScreenshotAsync("4-overview");
        TestContext.Current.TestOutputHelper?.WriteLine($"Certificate screenshot: {certificatePath}");
        Console.WriteLine($"Certificate screenshot: {certificatePath}");
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
