using ToanDan.Web.Features.Tips;
using ToanDan.Web.Features.Tips.Privacy;
using ToanDan.Web.Infrastructure.Time;

namespace ToanDan.Web.Infrastructure.Demo;

/// <summary>
/// Demo crime tips of huyện Nam Sách in 2020, consistent with the seed article's "hàng chục tin báo tố giác tội
/// phạm có giá trị": 72 tips received by the commune police (in person, by phone, post, the portal or otherwise),
/// 36 of them judged valuable, all decided in 2020 (most on time) and the reporters told of the result. Generated
/// from a fixed seed, so the same figures come out every time; the texts say "Nội dung minh họa". The tips are
/// left "decided", not "closed", so the retention purge keeps them in the demo.
/// </summary>
public static class NamSachTipsDemo
{
    public const int Year = 2020;
    public const int Count = 72;
    public const int ValuableCount = 36;

    public sealed record Built(IReadOnlyList<Tip> Tips, IReadOnlyList<TipMessage> Messages);

    private static readonly (TipCategory Category, string What, string Led)[] Stories =
    [
        (TipCategory.Drugs, "Nội dung minh họa: nghi có người tụ tập sử dụng trái phép chất ma túy tại một nhà trọ vào ban đêm.", "Bắt quả tang, thu giữ ma túy"),
        (TipCategory.Theft, "Nội dung minh họa: mất trộm xe máy dựng trước cổng nhà, có người lạ đi xe không biển số qua lại trước đó.", "Thu hồi tài sản, bắt đối tượng trộm cắp"),
        (TipCategory.Gambling, "Nội dung minh họa: có nhóm người tổ chức đánh bạc ăn tiền tại một quán nước trong thôn.", "Bắt quả tang vụ đánh bạc"),
        (TipCategory.Fraud, "Nội dung minh họa: người dân bị gọi điện giả danh cơ quan chức năng yêu cầu chuyển tiền.", "Ngăn chặn kịp thời việc chuyển tiền"),
        (TipCategory.Violence, "Nội dung minh họa: xô xát giữa hai nhóm thanh niên, một người bị thương.", "Làm rõ, xử lý các đối tượng gây thương tích"),
        (TipCategory.Smuggling, "Nội dung minh họa: nghi có kho chứa pháo nổ và hàng cấm trước Tết.", "Thu giữ pháo nổ"),
        (TipCategory.Environment, "Nội dung minh họa: xả thải trái phép ra kênh tưới tiêu vào ban đêm.", "Lập hồ sơ xử lý cơ sở xả thải"),
        (TipCategory.Other, "Nội dung minh họa: nghi có đối tượng truy nã xuất hiện tại địa phương.", "Phối hợp bắt đối tượng truy nã"),
    ];

    /// <summary>Builds the demo tips with the given vault and code hasher (the codes are not kept: demo data).</summary>
    public static Built Build(TipVault vault, ReceiptCodes codes)
    {
        ArgumentNullException.ThrowIfNull(vault);
        ArgumentNullException.ThrowIfNull(codes);
#pragma warning disable CA5394 // Demo data from a fixed seed: reproducible figures, not security.
        var random = new Random(Year);
        var tips = new List<Tip>();
        var messages = new List<TipMessage>();
        var valuable = 0;
        for (var i = 0; i < Count; i++)
        {
            var commune = NamSachDemo.Communes[random.Next(NamSachDemo.Communes.Count)].Code;
            var day = new DateOnly(Year, 1, 2).AddDays(random.Next(0, 330));
            var receivedLocal = day.ToDateTime(new TimeOnly(7 + random.Next(0, 14), random.Next(0, 60)));
            var received = new DateTimeOffset(receivedLocal, VietnamTime.Offset).UtcDateTime;
            var story = Stories[random.Next(Stories.Length)];
            var channel = (i % 12) switch
            {
                < 5 => TipChannel.InPerson,
                < 8 => TipChannel.Phone,
                8 => TipChannel.Post,
                9 or 10 => TipChannel.Web,
                _ => TipChannel.Other,
            };
            var kind = i % 10 == 9 ? TipKind.Report : i % 24 == 23 ? TipKind.ProsecutionRequest : TipKind.Denunciation;
            var named = random.Next(0, 10) < 4;
            var id = new Guid($"019{i:D5}-7000-7000-8000-{2020_0000_0000L + i:D12}");
            using var key = vault.NewKey(id);
            var identity = named ? key.SealJson(SealPurpose.Identity, new TipIdentity($"Người báo tin minh họa {i + 1}", null, "Nam Sách, Hải Dương")) : null;
            var narrative = key.SealJson(SealPurpose.Narrative, new TipNarrative(story.What, "Địa điểm minh họa", null));
            var tip = Tip.Receive(
                id,
                new Tip.Intake(commune, channel, kind, story.Category, channel == TipChannel.Web ? null : $"{i + 1:D3}/BB-TN", day.AddDays(-random.Next(0, 3)), !named, named && random.Next(2) == 0, false, false),
                codes.Hash(ReceiptCodes.NewCode()),
                new Tip.Sealed(key.KeyId, key.Wrapped, identity, narrative),
                received);
            var officer = new Guid($"00000000-0000-0000-0000-{random.Next(1, 9):D12}");
            tip.Assign(officer, "Cán bộ Công an xã (minh họa)", received.AddHours(1));

            // Most are transferred within 24 hours; a few take longer (the clock shows them late).
            var transferred = received.AddHours(i % 17 == 5 ? 30 : 2 + random.Next(0, 18));
            tip.Transfer("Cơ quan Cảnh sát điều tra Công an huyện Nam Sách", transferred, transferred);
            if (i % 9 == 4)
            {
                tip.Classify(kind, story.Category, complex: true, transferred);
            }

            var days = tip.Complex ? random.Next(25, 60) : i % 13 == 7 ? 23 : random.Next(5, 20);
            var decidedOn = tip.ReceivedOn.AddDays(days);
            var decidedAt = TipClocks.EndOfDayUtc(decidedOn).AddHours(-8);
            var isValuable = valuable < ValuableCount && (i % 2 == 0 || Count - i <= ValuableCount - valuable);
            var outcome = isValuable ? (i % 6 == 0 ? TipOutcome.Suspended : TipOutcome.Prosecuted)
                : i % 3 == 0 ? TipOutcome.NotACrimeForwarded : TipOutcome.NotProsecuted;
            tip.Decide(outcome, decidedOn, "Quyết định minh họa", decidedAt);
            if (isValuable)
            {
                tip.MarkValuable(true, story.Led, decidedAt);
                valuable++;
                if (i % 10 == 0)
                {
                    tip.RecordReward(2_000_000, "Thưởng minh họa", decidedAt);
                }
            }

            if (named || channel == TipChannel.Web)
            {
                tip.NotifyReporter(decidedOn.AddDays(random.Next(0, 3)) is var n && n <= decidedOn.AddDays(2) ? n : decidedOn, decidedAt.AddDays(3));
                var messageId = new Guid($"019{i:D5}-7000-7000-9000-{2020_0000_0000L + i:D12}");
                messages.Add(TipMessage.Create(messageId, tip, TipMessageKind.ToReporter,
                    key.SealText(SealPurpose.Message(messageId), "Công an đã giải quyết tin báo của bạn. Cảm ơn bạn đã cung cấp thông tin (nội dung minh họa)."),
                    officer, "Cán bộ Công an xã (minh họa)", decidedAt.AddDays(1)));
            }

            tips.Add(tip);
        }
#pragma warning restore CA5394

        return new Built(tips, messages);
    }
}
