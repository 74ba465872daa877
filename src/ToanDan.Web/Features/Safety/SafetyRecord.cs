using ToanDan.Web.Features.Audit;
using ToanDan.Web.Infrastructure;
using ToanDan.Web.Infrastructure.Text;

namespace ToanDan.Web.Features.Safety;

/// <summary>
/// One year's "An toàn về ANTT" certification of a place or a commune: the Q1 registration, the checklist, the
/// meeting, the dossier files, the decision and the certificate. The status changes only through the workflow
/// methods: Draft → Submitted → Reviewed → Decided → CertificateIssued (recognised only), and back to Draft from
/// Submitted or Reviewed. Anything else is a conflict.
/// </summary>
public sealed class SafetyRecord : IAudited
{
    public const int SubjectCodeMaxLength = 40;
    public const int SubjectNameMaxLength = 200;
    public const int NotesMaxLength = 4000;
    public const int NoteMaxLength = 1000;
    public const int AuthorityMaxLength = 200;
    public const int NumberMaxLength = 50;

    private readonly List<SafetyCheck> _checks = [];

    private SafetyRecord()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The certification year (its window: <see cref="SafetyRules.Window"/>).</summary>
    public int Year { get; private set; }

    public SafetySubjectKind Kind { get; private set; }

    /// <summary>The place (for places); null for a commune.</summary>
    public Guid? PlaceId { get; private set; }

    /// <summary>The place id ("N" format) or the commune code: unique per year.</summary>
    public string SubjectCode { get; private set; } = "";

    /// <summary>The commune the record belongs to (the place's commune, or the commune itself): its scope.</summary>
    public string UnitCode { get; private set; } = "";

    /// <summary>The subject's name when registered.</summary>
    public string SubjectName { get; private set; } = "";

    /// <summary>For CQ/DN/CSGD: the level that manages it, which decides who recognises it.</summary>
    public ManagingLevel ManagedBy { get; private set; }

    public DateOnly RegisteredOn { get; private set; }

    public SafetyStatus Status { get; private set; }

    /// <summary>Date of the evaluation meeting (biên bản họp).</summary>
    public DateOnly? MeetingOn { get; private set; }

    /// <summary>Summary of the meeting minutes.</summary>
    public string? MeetingNotes { get; private set; }

    public DateTime? SubmittedAtUtc { get; private set; }

    public DateTime? ReviewedAtUtc { get; private set; }

    /// <summary>The commune police's review note, or the reason it was returned.</summary>
    public string? ReviewNote { get; private set; }

    public SafetyResult? Result { get; private set; }

    /// <summary>The deciding authority, e.g. "Ủy ban nhân dân xã Nam Hưng".</summary>
    public string? DecisionAuthority { get; private set; }

    public string? DecisionNumber { get; private set; }

    public DateOnly? DecidedOn { get; private set; }

    public string? CertificateNumber { get; private set; }

    public DateOnly? CertificateIssuedOn { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    /// <summary>Concurrency token, incremented on every change.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<SafetyCheck> Checks => _checks;

    /// <summary>True when the record counts as recognised ("đạt").</summary>
    public bool IsRecognised => Result == SafetyResult.Recognised && Status is SafetyStatus.Decided or SafetyStatus.CertificateIssued;

    string IAudited.AuditModule => "Safety";

    string IAudited.AuditId => Id.ToString();

    string? IAudited.AuditUnitCode => UnitCode;

    /// <summary>Registers a subject for a year with the checklist of its kind (the caller has checked the date and exclusions).</summary>
    public static SafetyRecord Register(
        int year, SafetySubjectKind kind, Guid? placeId, string unitCode, string subjectName, ManagingLevel managedBy,
        DateOnly registeredOn, IEnumerable<CriterionDefinition> criteria, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        var record = new SafetyRecord
        {
            Id = Guid.CreateVersion7(),
            Year = year,
            Kind = kind,
            PlaceId = placeId,
            SubjectCode = placeId?.ToString("N") ?? unitCode,
            UnitCode = unitCode,
            SubjectName = Cut(VietnameseText.Clean(subjectName), SubjectNameMaxLength),
            ManagedBy = kind is SafetySubjectKind.ResidentialArea or SafetySubjectKind.Commune ? ManagingLevel.Commune : managedBy,
            RegisteredOn = registeredOn,
            Status = SafetyStatus.Draft,
            CreatedAtUtc = nowUtc,
            UpdatedAtUtc = nowUtc,
            Version = 1,
        };
        var position = 0;
        foreach (var criterion in criteria)
        {
            record._checks.Add(SafetyCheck.Create(record.Id, criterion, position++));
        }

        return record;
    }

    /// <summary>Records the meeting and the checklist answers (Draft only). <paramref name="answers"/> maps criterion codes to met/not met.</summary>
    public Result<bool> UpdateDossier(DateOnly? meetingOn, string? meetingNotes, IReadOnlyDictionary<string, bool?> answers, IReadOnlyDictionary<string, string?> notes, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(notes);
        if (Status != SafetyStatus.Draft)
        {
            return Error.Conflict($"Hồ sơ ở trạng thái “{Status.Vietnamese()}” không sửa được; hãy trả về để bổ sung trước.");
        }

        var cleanedNotes = VietnameseText.Clean(meetingNotes);
        if (cleanedNotes.Length > NotesMaxLength)
        {
            return Error.Validation($"Tóm tắt biên bản họp tối đa {NotesMaxLength} ký tự.", "MeetingNotes");
        }

        foreach (var (_, note) in notes)
        {
            if (VietnameseText.Clean(note).Length > SafetyCheck.NoteMaxLength)
            {
                return Error.Validation($"Ghi chú mỗi tiêu chí tối đa {SafetyCheck.NoteMaxLength} ký tự.", "Checks");
            }
        }

        MeetingOn = meetingOn;
        MeetingNotes = cleanedNotes.Length == 0 ? null : cleanedNotes;
        foreach (var check in _checks.Where(c => !c.Derived))
        {
            check.Answer(answers.TryGetValue(check.Code, out var met) ? met : check.Met, notes.TryGetValue(check.Code, out var note) ? note : check.Note);
        }

        Touch(nowUtc);
        return true;
    }

    /// <summary>Draft → Submitted: the meeting took place and every criterion that is ticked by hand is answered.</summary>
    public Error? Submit(DateTime nowUtc)
    {
        if (Status != SafetyStatus.Draft)
        {
            return Illegal(SafetyStatus.Submitted);
        }

        if (MeetingOn is null)
        {
            return Error.Validation("Hãy ghi ngày họp bình xét (biên bản họp) trước khi gửi hồ sơ.", "MeetingOn");
        }

        var open = _checks.Where(c => !c.Derived && c.Met is null).Select(c => c.Code).ToList();
        if (open.Count > 0)
        {
            return Error.Validation($"Hãy đánh giá đủ các tiêu chí trước khi gửi hồ sơ (còn {string.Join(", ", open)}).", "Checks");
        }

        Status = SafetyStatus.Submitted;
        SubmittedAtUtc = nowUtc;
        Touch(nowUtc);
        return null;
    }

    /// <summary>Submitted or Reviewed → Draft, with a reason (to complete the dossier).</summary>
    public Error? ReturnToDraft(string? reason, DateTime nowUtc)
    {
        if (Status is not (SafetyStatus.Submitted or SafetyStatus.Reviewed))
        {
            return Illegal(SafetyStatus.Draft);
        }

        var cleaned = VietnameseText.Clean(reason);
        if (cleaned.Length is 0 or > NoteMaxLength)
        {
            return Error.Validation($"Hãy ghi lý do trả hồ sơ (tối đa {NoteMaxLength} ký tự).", "Note");
        }

        Status = SafetyStatus.Draft;
        ReviewNote = "Trả lại: " + cleaned;
        Touch(nowUtc);
        return null;
    }

    /// <summary>Submitted → Reviewed by the commune police, with an optional note.</summary>
    public Error? Review(string? note, DateTime nowUtc)
    {
        if (Status != SafetyStatus.Submitted)
        {
            return Illegal(SafetyStatus.Reviewed);
        }

        var cleaned = VietnameseText.Clean(note);
        if (cleaned.Length > NoteMaxLength)
        {
            return Error.Validation($"Ý kiến thẩm định tối đa {NoteMaxLength} ký tự.", "Note");
        }

        Status = SafetyStatus.Reviewed;
        ReviewedAtUtc = nowUtc;
        ReviewNote = cleaned.Length == 0 ? null : cleaned;
        Touch(nowUtc);
        return null;
    }

    /// <summary>
    /// Reviewed → Decided. "Đạt" needs every criterion met (TT 124/2021 Điều 4–7: all criteria of the kind); for a
    /// commune <paramref name="derivedMet"/> is the computed 100 %/70 % rule, frozen into the checklist.
    /// </summary>
    public Error? Decide(SafetyResult result, string? authority, string? number, DateOnly decidedOn, bool? derivedMet, DateTime nowUtc)
    {
        if (Status != SafetyStatus.Reviewed)
        {
            return Illegal(SafetyStatus.Decided);
        }

        if (!Enum.IsDefined(result))
        {
            return Error.Validation("Kết quả phải là “Đạt” hoặc “Chưa đạt”.", "Result");
        }

        var cleanAuthority = VietnameseText.Clean(authority);
        var cleanNumber = VietnameseText.Clean(number);
        if (cleanAuthority.Length is 0 or > AuthorityMaxLength)
        {
            return Error.Validation($"Hãy ghi cơ quan quyết định (tối đa {AuthorityMaxLength} ký tự).", "Authority");
        }

        if (cleanNumber.Length is 0 or > NumberMaxLength)
        {
            return Error.Validation($"Hãy ghi số quyết định (tối đa {NumberMaxLength} ký tự).", "Number");
        }

        foreach (var derived in _checks.Where(c => c.Derived))
        {
            derived.Answer(derivedMet, derived.Note);
        }

        if (result == SafetyResult.Recognised)
        {
            var unmet = _checks.Where(c => c.Met != true).Select(c => c.Code).ToList();
            if (unmet.Count > 0)
            {
                return Error.Conflict($"Không thể quyết định “Đạt”: chưa đáp ứng tiêu chí {string.Join(", ", unmet)} (phải đạt tất cả tiêu chí — TT 124/2021/TT-BCA Điều 4–7).", "Result");
            }
        }

        Status = SafetyStatus.Decided;
        Result = result;
        DecisionAuthority = cleanAuthority;
        DecisionNumber = cleanNumber;
        DecidedOn = decidedOn;
        Touch(nowUtc);
        return null;
    }

    /// <summary>Decided (đạt) → CertificateIssued: the Giấy công nhận with its number and date.</summary>
    public Error? IssueCertificate(string? number, DateOnly issuedOn, DateTime nowUtc)
    {
        if (Status != SafetyStatus.Decided)
        {
            return Illegal(SafetyStatus.CertificateIssued);
        }

        if (Result != SafetyResult.Recognised)
        {
            return Error.Conflict("Chỉ cấp Giấy công nhận cho địa bàn, đơn vị được quyết định “Đạt”.");
        }

        var cleaned = VietnameseText.Clean(number);
        if (cleaned.Length is 0 or > NumberMaxLength)
        {
            return Error.Validation($"Hãy ghi số Giấy công nhận (tối đa {NumberMaxLength} ký tự).", "Number");
        }

        if (DecidedOn is { } decided && issuedOn < decided)
        {
            return Error.Validation("Ngày cấp Giấy công nhận không được trước ngày quyết định.", "IssuedOn");
        }

        Status = SafetyStatus.CertificateIssued;
        CertificateNumber = cleaned;
        CertificateIssuedOn = issuedOn;
        Touch(nowUtc);
        return null;
    }

    private void Touch(DateTime nowUtc)
    {
        UpdatedAtUtc = nowUtc;
        Version++;
    }

    private Error Illegal(SafetyStatus to) =>
        Error.Conflict($"Không thể chuyển hồ sơ từ “{Status.Vietnamese()}” sang “{to.Vietnamese()}”.");

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}

/// <summary>One criterion of a record's checklist: a copy of the criterion as registered, and the answer.</summary>
public sealed class SafetyCheck
{
    public const int NoteMaxLength = 500;

    private SafetyCheck()
    {
    }

    public Guid Id { get; private set; }

    public Guid RecordId { get; private set; }

    public int Position { get; private set; }

    public string Code { get; private set; } = "";

    public string Text { get; private set; } = "";

    public string Citation { get; private set; } = "";

    /// <summary>False when the criterion's text is unconfirmed (domain.md).</summary>
    public bool Confirmed { get; private set; }

    /// <summary>Computed from records (the commune's 100 %/70 % rule), never ticked by hand.</summary>
    public bool Derived { get; private set; }

    /// <summary>Met, not met, or not yet answered.</summary>
    public bool? Met { get; private set; }

    public string? Note { get; private set; }

    internal static SafetyCheck Create(Guid recordId, CriterionDefinition criterion, int position) => new()
    {
        Id = Guid.CreateVersion7(),
        RecordId = recordId,
        Position = position,
        Code = criterion.Code,
        Text = criterion.Text,
        Citation = criterion.Citation,
        Confirmed = criterion.Confirmed,
        Derived = criterion.Derived,
    };

    internal void Answer(bool? met, string? note)
    {
        Met = met;
        var cleaned = VietnameseText.Clean(note);
        Note = cleaned.Length == 0 ? null : cleaned;
    }
}

/// <summary>A file of a dossier (minutes, submission, report), stored on disk under the configured folder.</summary>
public sealed class SafetyFile : IAudited
{
    public const int FileNameMaxLength = 200;
    public const int ContentTypeMaxLength = 100;

    private SafetyFile()
    {
    }

    public Guid Id { get; private set; }

    public Guid RecordId { get; private set; }

    /// <summary>The record's commune (scope of the audit entry).</summary>
    public string UnitCode { get; private set; } = "";

    public SafetyFileKind Kind { get; private set; }

    /// <summary>The name the user gave the file (cleaned).</summary>
    public string FileName { get; private set; } = "";

    /// <summary>The name on disk: the id and the extension, never the user's name.</summary>
    public string StoredName { get; private set; } = "";

    public string ContentType { get; private set; } = "";

    public long Size { get; private set; }

    /// <summary>SHA-256 of the content, hexadecimal.</summary>
    public string Sha256 { get; private set; } = "";

    public DateTime UploadedAtUtc { get; private set; }

    string IAudited.AuditModule => "Safety";

    string IAudited.AuditId => Id.ToString();

    string? IAudited.AuditUnitCode => UnitCode;

    internal static SafetyFile Create(Guid recordId, string unitCode, SafetyFileKind kind, string fileName, string extension, string contentType, long size, string sha256, DateTime nowUtc)
    {
        var id = Guid.CreateVersion7();
        return new SafetyFile
        {
            Id = id,
            RecordId = recordId,
            UnitCode = unitCode,
            Kind = kind,
            FileName = fileName,
            StoredName = id.ToString("N") + extension,
            ContentType = contentType,
            Size = size,
            Sha256 = sha256,
            UploadedAtUtc = nowUtc,
        };
    }
}
