using ToanDan.Web.Features.Audit;
using ToanDan.Web.Infrastructure;

namespace ToanDan.Web.Features.Tips;

/// <summary>
/// A crime tip (tố giác, tin báo về tội phạm, kiến nghị khởi tố — BLTTHS 2015 art. 144) received by a unit's
/// police, with its legal clocks (<see cref="TipClocks"/>). The reporter's identity and the narrative are
/// encrypted with the tip's own data key (<see cref="WrappedKey"/>, wrapped by the key-encryption key
/// <see cref="KeyId"/>); the receipt code is kept only as a keyed hash. No IP address or user agent is stored.
/// State changes go through methods that check the rules and return a Vietnamese message when one is broken.
/// </summary>
public sealed class Tip : IAudited
{
    public const int UnitCodeMaxLength = 20;
    public const int RecordNumberMaxLength = 50;
    public const int TargetMaxLength = 200;
    public const int NoteMaxLength = 2000;
    public const int NameMaxLength = 200;
    public const int KeyIdMaxLength = 40;
    public const int HashLength = 64;

    private Tip()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The receiving unit (usually a commune); its police handle the tip and the record is in its scope.</summary>
    public string UnitCode { get; private set; } = "";

    /// <summary>HMAC-SHA-256 (hex) of the receipt code; the code itself is never stored.</summary>
    [Sensitive]
    public string ReceiptHash { get; private set; } = "";

    public TipChannel Channel { get; private set; }

    public TipKind Kind { get; private set; }

    public TipCategory Category { get; private set; }

    /// <summary>Số biên bản tiếp nhận (art. 145) for tips typed in by an officer.</summary>
    public string? RecordNumber { get; private set; }

    public DateTime ReceivedAtUtc { get; private set; }

    /// <summary>When it happened, if the reporter knows the day.</summary>
    public DateOnly? OccurredOn { get; private set; }

    /// <summary>The reporter chose not to give a name ("ẩn danh").</summary>
    public bool Anonymous { get; private set; }

    /// <summary>The reporter asked that their identity be kept secret (art. 56).</summary>
    public bool SecrecyRequested { get; private set; }

    /// <summary>The reporter does not remember where it happened.</summary>
    public bool PlaceUnknown { get; private set; }

    /// <summary>The receiving commune was flagged remote or island at receipt: 48-hour transfer clock.</summary>
    public bool RemoteArea { get; private set; }

    /// <summary>Id of the key-encryption key that wraps <see cref="WrappedKey"/>.</summary>
    public string KeyId { get; private set; } = "";

    /// <summary>This tip's data key, encrypted (AES-GCM) with the key-encryption key <see cref="KeyId"/>.</summary>
    [Sensitive]
    public byte[] WrappedKey { get; private set; } = [];

    /// <summary>Name, phone, address of the reporter, encrypted with the data key; null when anonymous.</summary>
    [Sensitive]
    public byte[]? IdentityCipher { get; private set; }

    /// <summary>What happened, where, when, encrypted with the data key.</summary>
    [Sensitive]
    public byte[] NarrativeCipher { get; private set; } = [];

    public TipStatus Status { get; private set; }

    public Guid? AssignedUserId { get; private set; }

    public string? AssignedName { get; private set; }

    public DateTime TransferDueUtc { get; private set; }

    public DateTime? TransferredAtUtc { get; private set; }

    /// <summary>The investigation body it went to.</summary>
    public string? TransferTarget { get; private set; }

    /// <summary>Complex or multi-location case: 2-month decision clock (art. 147(2)).</summary>
    public bool Complex { get; private set; }

    /// <summary>The current last day to decide (Vietnam date).</summary>
    public DateOnly DecisionDueOn { get; private set; }

    public DateOnly? ExtensionRequestedOn { get; private set; }

    /// <summary>The procuracy's decision extending the deadline (number and date), once only.</summary>
    public string? ExtensionDecision { get; private set; }

    public bool Extended { get; private set; }

    public TipOutcome? Outcome { get; private set; }

    public DateOnly? OutcomeOn { get; private set; }

    /// <summary>Officer's note on the outcome (decision number, body it was forwarded to). Staff only.</summary>
    public string? OutcomeNote { get; private set; }

    /// <summary>The police judged the tip valuable ("có giá trị").</summary>
    public bool Valuable { get; private set; }

    /// <summary>What the valuable tip led to (arrest, seizure, case solved…).</summary>
    public string? ValuableResult { get; private set; }

    /// <summary>The day the reporter was told of the result (art. 56).</summary>
    public DateOnly? ReporterNotifiedOn { get; private set; }

    /// <summary>A reward paid to the reporter, in đồng (optional).</summary>
    public long? RewardAmount { get; private set; }

    public string? RewardNote { get; private set; }

    public DateTime? ClosedAtUtc { get; private set; }

    /// <summary>Messages or files from the reporter that no officer has opened yet.</summary>
    public bool UnreadFromReporter { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    public int Version { get; private set; }

    string IAudited.AuditModule => "Tips";

    string IAudited.AuditId => Id.ToString();

    string? IAudited.AuditUnitCode => UnitCode;

    /// <summary>The reference officers use (never shown to the reporter, who has the receipt code).</summary>
    public string Reference => FormatReference(Id, ReceivedAtUtc);

    public static string FormatReference(Guid id, DateTime receivedAtUtc) =>
        $"TB-{TipClocks.VietnamDate(receivedAtUtc).Year}-{id.ToString("N")[^6..].ToUpperInvariant()}";

    /// <summary>The Vietnam date of receipt (the decision clock starts then).</summary>
    public DateOnly ReceivedOn => TipClocks.VietnamDate(ReceivedAtUtc);

    public bool IsOpen => Status is not (TipStatus.Decided or TipStatus.Closed);

    /// <summary>The sealed parts of a new tip, made by <see cref="Privacy.TipVault"/>.</summary>
    public sealed record Sealed(string KeyId, byte[] WrappedKey, byte[]? IdentityCipher, byte[] NarrativeCipher);

    /// <summary>What is known about a new tip besides its sealed parts.</summary>
    public sealed record Intake(
        string UnitCode,
        TipChannel Channel,
        TipKind Kind,
        TipCategory Category,
        string? RecordNumber,
        DateOnly? OccurredOn,
        bool Anonymous,
        bool SecrecyRequested,
        bool PlaceUnknown,
        bool RemoteArea);

    /// <summary>Receives a tip: starts the transfer clock (24 h / 48 h) and the 20-day decision clock.</summary>
    public static Tip Receive(Guid id, Intake intake, string receiptHash, Sealed sealedParts, DateTime receivedAtUtc)
    {
        ArgumentNullException.ThrowIfNull(intake);
        ArgumentNullException.ThrowIfNull(sealedParts);
        var received = DateTime.SpecifyKind(receivedAtUtc, DateTimeKind.Utc);
        return new Tip
        {
            Id = id,
            UnitCode = intake.UnitCode,
            ReceiptHash = receiptHash,
            Channel = intake.Channel,
            Kind = intake.Kind,
            Category = intake.Category,
            RecordNumber = intake.RecordNumber,
            OccurredOn = intake.OccurredOn,
            Anonymous = intake.Anonymous,
            SecrecyRequested = intake.SecrecyRequested,
            PlaceUnknown = intake.PlaceUnknown,
            RemoteArea = intake.RemoteArea,
            KeyId = sealedParts.KeyId,
            WrappedKey = sealedParts.WrappedKey,
            IdentityCipher = sealedParts.IdentityCipher,
            NarrativeCipher = sealedParts.NarrativeCipher,
            Status = TipStatus.New,
            ReceivedAtUtc = received,
            TransferDueUtc = TipClocks.TransferDue(received, intake.RemoteArea),
            DecisionDueOn = TipClocks.DecisionDue(TipClocks.VietnamDate(received), complex: false),
            UpdatedAtUtc = received,
        };
    }

    /// <summary>The transfer clock's state now.</summary>
    public ClockState TransferState(DateTime nowUtc) =>
        IsOpen ? TipClocks.TransferState(TransferDueUtc, TransferredAtUtc, nowUtc) : ClockState.None;

    /// <summary>The decision clock's state now.</summary>
    public ClockState DecisionState(DateTime nowUtc) => TipClocks.DecisionState(DecisionDueOn, Outcome is not null, nowUtc);

    /// <summary>The last day the extension may be requested, while it can still be.</summary>
    public DateOnly? ExtensionRequestDeadline => Complex && !Extended && Outcome is null ? TipClocks.ExtensionRequestDeadline(DecisionDueOn) : null;

    public Error? Assign(Guid userId, string name, DateTime nowUtc)
    {
        if (Status == TipStatus.Closed)
        {
            return Error.Conflict("Tin báo đã kết thúc, không phân công được nữa.");
        }

        AssignedUserId = userId;
        AssignedName = name.Length > NameMaxLength ? name[..NameMaxLength] : name;
        if (Status == TipStatus.New)
        {
            Status = TipStatus.InProgress;
        }

        return Touch(nowUtc);
    }

    /// <summary>Sets kind and category, and whether the case is complex (2-month clock, art. 147(2)).</summary>
    public Error? Classify(TipKind kind, TipCategory category, bool complex, DateTime nowUtc)
    {
        if (!IsOpen)
        {
            return Error.Conflict("Tin báo đã có kết quả, không phân loại lại được.");
        }

        if (Complex != complex && Extended)
        {
            return Error.Conflict("Thời hạn đã được Viện kiểm sát gia hạn; không đổi được tính chất phức tạp.", nameof(Complex));
        }

        Kind = kind;
        Category = category;
        if (Complex != complex)
        {
            Complex = complex;
            DecisionDueOn = TipClocks.DecisionDue(ReceivedOn, complex);
            ExtensionRequestedOn = null;
        }

        return Touch(nowUtc);
    }

    /// <summary>Records the transfer to the competent investigation body (art. 145; 24 h / 48 h).</summary>
    public Error? Transfer(string target, DateTime atUtc, DateTime nowUtc)
    {
        if (TransferredAtUtc is not null)
        {
            return Error.Conflict("Tin báo đã được chuyển cơ quan điều tra.");
        }

        if (!IsOpen)
        {
            return Error.Conflict("Tin báo đã có kết quả.");
        }

        if (string.IsNullOrWhiteSpace(target))
        {
            return Error.Validation("Nhập cơ quan điều tra nhận tin báo.", "Target");
        }

        if (atUtc < ReceivedAtUtc || atUtc > nowUtc.AddMinutes(5))
        {
            return Error.Validation("Thời điểm chuyển phải sau thời điểm tiếp nhận và không ở tương lai.", "At");
        }

        TransferTarget = Trim(target, TargetMaxLength);
        TransferredAtUtc = DateTime.SpecifyKind(atUtc, DateTimeKind.Utc);
        Status = TipStatus.Transferred;
        return Touch(nowUtc);
    }

    /// <summary>
    /// Records the request to the procuracy for the one extension (art. 147(2)): only for a complex case, not
    /// extended yet, and at least 5 days before the deadline expires.
    /// </summary>
    public Error? RequestExtension(DateOnly on, DateTime nowUtc)
    {
        if (!IsOpen)
        {
            return Error.Conflict("Tin báo đã có kết quả.");
        }

        if (!Complex)
        {
            return Error.Conflict("Chỉ vụ việc phức tạp (thời hạn 2 tháng) mới được đề nghị Viện kiểm sát gia hạn (Điều 147 BLTTHS).");
        }

        if (Extended || ExtensionRequestedOn is not null)
        {
            return Error.Conflict("Thời hạn chỉ được gia hạn một lần.");
        }

        if (on < ReceivedOn)
        {
            return Error.Validation("Ngày đề nghị không được trước ngày tiếp nhận.", "On");
        }

        var deadline = TipClocks.ExtensionRequestDeadline(DecisionDueOn);
        if (on > deadline)
        {
            return Error.Validation(
                $"Văn bản đề nghị gia hạn phải gửi chậm nhất 5 ngày trước khi hết thời hạn, tức là trước hết ngày {Infrastructure.Time.VietnamTime.Format(deadline)}.", "On");
        }

        ExtensionRequestedOn = on;
        return Touch(nowUtc);
    }

    /// <summary>Records the procuracy's decision extending the deadline once, by up to 2 months.</summary>
    public Error? Extend(DateOnly until, string decision, DateTime nowUtc)
    {
        if (ExtensionRequestedOn is null)
        {
            return Error.Conflict("Chưa có đề nghị gia hạn.");
        }

        if (Extended)
        {
            return Error.Conflict("Thời hạn chỉ được gia hạn một lần.");
        }

        if (!IsOpen)
        {
            return Error.Conflict("Tin báo đã có kết quả.");
        }

        if (string.IsNullOrWhiteSpace(decision))
        {
            return Error.Validation("Nhập số, ngày quyết định gia hạn của Viện kiểm sát.", "Decision");
        }

        if (until <= DecisionDueOn || until > TipClocks.LatestExtension(DecisionDueOn))
        {
            return Error.Validation(
                $"Thời hạn gia hạn phải sau {Infrastructure.Time.VietnamTime.Format(DecisionDueOn)} và không quá 2 tháng (đến {Infrastructure.Time.VietnamTime.Format(TipClocks.LatestExtension(DecisionDueOn))}).", "Until");
        }

        Extended = true;
        ExtensionDecision = Trim(decision, TargetMaxLength);
        DecisionDueOn = until;
        return Touch(nowUtc);
    }

    /// <summary>Records the outcome (art. 147): the decision clock stops.</summary>
    public Error? Decide(TipOutcome outcome, DateOnly on, string? note, DateTime nowUtc)
    {
        if (!IsOpen)
        {
            return Error.Conflict("Tin báo đã có kết quả.");
        }

        if (on < ReceivedOn || on > TipClocks.VietnamDate(nowUtc))
        {
            return Error.Validation("Ngày quyết định phải từ ngày tiếp nhận đến hôm nay.", "On");
        }

        Outcome = outcome;
        OutcomeOn = on;
        OutcomeNote = note is null ? null : Trim(note, NoteMaxLength);
        Status = TipStatus.Decided;
        return Touch(nowUtc);
    }

    /// <summary>Flags the tip valuable (or not) and says what it led to.</summary>
    public Error? MarkValuable(bool valuable, string? result, DateTime nowUtc)
    {
        if (valuable && string.IsNullOrWhiteSpace(result))
        {
            return Error.Validation("Ghi rõ tin báo có giá trị đã giúp được gì (bắt giữ, thu giữ, làm rõ vụ án…).", "Result");
        }

        Valuable = valuable;
        ValuableResult = valuable ? Trim(result!, NoteMaxLength) : null;
        return Touch(nowUtc);
    }

    /// <summary>Records that the reporter was told of the result (art. 56).</summary>
    public Error? NotifyReporter(DateOnly on, DateTime nowUtc)
    {
        if (Outcome is null || OutcomeOn is null)
        {
            return Error.Conflict("Chưa có kết quả giải quyết để thông báo.");
        }

        if (on < OutcomeOn || on > TipClocks.VietnamDate(nowUtc))
        {
            return Error.Validation("Ngày thông báo phải từ ngày có kết quả đến hôm nay.", "On");
        }

        ReporterNotifiedOn = on;
        return Touch(nowUtc);
    }

    /// <summary>Records a reward (Crime Stoppers style; optional).</summary>
    public Error? RecordReward(long amount, string? note, DateTime nowUtc)
    {
        if (amount <= 0 || amount > 10_000_000_000)
        {
            return Error.Validation("Số tiền thưởng phải lớn hơn 0 đồng.", "Amount");
        }

        RewardAmount = amount;
        RewardNote = note is null ? null : Trim(note, NoteMaxLength);
        return Touch(nowUtc);
    }

    /// <summary>Closes a decided tip; the reporter's access and the retention period run from now.</summary>
    public Error? Close(DateTime nowUtc)
    {
        if (Status != TipStatus.Decided)
        {
            return Error.Conflict("Chỉ kết thúc được tin báo đã có kết quả giải quyết.");
        }

        Status = TipStatus.Closed;
        ClosedAtUtc = nowUtc;
        return Touch(nowUtc);
    }

    /// <summary>The reporter wrote or sent a file.</summary>
    public void ReporterWrote(DateTime nowUtc)
    {
        UnreadFromReporter = true;
        Touch(nowUtc);
    }

    /// <summary>An officer opened the tip.</summary>
    public void MarkRead() => UnreadFromReporter = false;

    /// <summary>Replaces the wrapped data key (key rotation); the data key itself is unchanged.</summary>
    public void Rewrap(string keyId, byte[] wrappedKey)
    {
        KeyId = keyId;
        WrappedKey = wrappedKey;
    }

    private Error? Touch(DateTime nowUtc)
    {
        UpdatedAtUtc = nowUtc;
        Version++;
        return null;
    }

    private static string Trim(string text, int max)
    {
        var t = text.Trim();
        return t.Length > max ? t[..max] : t;
    }
}

/// <summary>A message of a tip's conversation, or an internal note; the text is encrypted with the tip's data key.</summary>
public sealed class TipMessage : IAudited
{
    public const int TextMaxLength = 4000;

    private TipMessage()
    {
    }

    public Guid Id { get; private set; }

    public Guid TipId { get; private set; }

    public TipMessageKind Kind { get; private set; }

    [Sensitive]
    public byte[] TextCipher { get; private set; } = [];

    /// <summary>The officer who wrote it; null for the reporter.</summary>
    public Guid? AuthorUserId { get; private set; }

    public string? AuthorName { get; private set; }

    public DateTime AtUtc { get; private set; }

    /// <summary>The unit of the tip (for the audit trail's scope).</summary>
    public string UnitCode { get; private set; } = "";

    string IAudited.AuditModule => "Tips";

    string IAudited.AuditId => Id.ToString();

    string? IAudited.AuditUnitCode => UnitCode;

    public static TipMessage Create(Guid id, Tip tip, TipMessageKind kind, byte[] cipher, Guid? authorUserId, string? authorName, DateTime atUtc)
    {
        ArgumentNullException.ThrowIfNull(tip);
        return new()
        {
            Id = id,
            TipId = tip.Id,
            UnitCode = tip.UnitCode,
            Kind = kind,
            TextCipher = cipher,
            AuthorUserId = authorUserId,
            AuthorName = authorName is { Length: > Tip.NameMaxLength } ? authorName[..Tip.NameMaxLength] : authorName,
            AtUtc = atUtc,
        };
    }
}

/// <summary>
/// A file sent with a tip. The original is kept encrypted as evidence; an image also has a copy re-encoded
/// without metadata for viewing, encrypted too. The file name is encrypted; only its kind, type and size are plain.
/// </summary>
public sealed class TipAttachment : IAudited
{
    public const int ContentTypeMaxLength = 100;

    private TipAttachment()
    {
    }

    public Guid Id { get; private set; }

    public Guid TipId { get; private set; }

    public string UnitCode { get; private set; } = "";

    public TipFileKind Kind { get; private set; }

    /// <summary>The type found by sniffing the content (e.g. image/jpeg).</summary>
    public string ContentType { get; private set; } = "";

    public long Size { get; private set; }

    /// <summary>SHA-256 of the original bytes (hex), for the chain of evidence.</summary>
    public string Sha256 { get; private set; } = "";

    [Sensitive]
    public byte[] NameCipher { get; private set; } = [];

    /// <summary>True when a cleaned copy for viewing exists (images).</summary>
    public bool HasViewCopy { get; private set; }

    public bool FromReporter { get; private set; }

    public DateTime AtUtc { get; private set; }

    string IAudited.AuditModule => "Tips";

    string IAudited.AuditId => Id.ToString();

    string? IAudited.AuditUnitCode => UnitCode;

    public static TipAttachment Create(Guid id, Guid tipId, string unitCode, TipFileKind kind, string contentType, long size, string sha256, byte[] nameCipher, bool hasViewCopy, bool fromReporter, DateTime atUtc)
    {
        ArgumentException.ThrowIfNullOrEmpty(unitCode);
        return new()
        {
            Id = id,
            TipId = tipId,
            UnitCode = unitCode,
            Kind = kind,
            ContentType = contentType,
            Size = size,
            Sha256 = sha256,
            NameCipher = nameCipher,
            HasViewCopy = hasViewCopy,
            FromReporter = fromReporter,
            AtUtc = atUtc,
        };
    }
}

/// <summary>A reminder raised once by the background job for a clock of a tip (due soon, overdue).</summary>
public sealed class TipReminder
{
    private TipReminder()
    {
    }

    public Guid Id { get; private set; }

    public Guid TipId { get; private set; }

    public string UnitCode { get; private set; } = "";

    public TipReminderKind Kind { get; private set; }

    /// <summary>The deadline the reminder is about (a new deadline after an extension raises new reminders).</summary>
    public DateTime DueUtc { get; private set; }

    public DateTime RaisedAtUtc { get; private set; }

    public static TipReminder Create(Tip tip, TipReminderKind kind, DateTime dueUtc, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(tip);
        return new() { Id = Guid.CreateVersion7(), TipId = tip.Id, UnitCode = tip.UnitCode, Kind = kind, DueUtc = dueUtc, RaisedAtUtc = nowUtc };
    }
}

/// <summary>A commune flagged remote or island: its police have 48 hours to transfer a tip (TTLT 01/2017).</summary>
public sealed class TipRemoteUnit : IAudited
{
    public const int NoteMaxLength = 200;

    private TipRemoteUnit()
    {
    }

    public string UnitCode { get; private set; } = "";

    public string? Note { get; private set; }

    public DateTime SetAtUtc { get; private set; }

    string IAudited.AuditModule => "Tips";

    string IAudited.AuditId => UnitCode;

    string? IAudited.AuditUnitCode => UnitCode;

    public static TipRemoteUnit Create(string unitCode, string? note, DateTime nowUtc) =>
        new() { UnitCode = unitCode, Note = note is { Length: > NoteMaxLength } ? note[..NoteMaxLength] : note, SetAtUtc = nowUtc };
}
