using ToanDan.Web.Features.Audit;
using ToanDan.Web.Infrastructure;
using ToanDan.Web.Infrastructure.Text;

namespace ToanDan.Web.Features.Scoring;

/// <summary>
/// One year's movement score card of a place, commune or district (QĐ 510/QĐ-BCA-V05): a copy of the sheet it was
/// opened with, the self-score, the reviewed score and the grade. Draft → Submitted → Reviewed; Submitted → Draft to
/// correct. The sheet copy keeps past cards unchanged when a sheet is revised.
/// </summary>
public sealed class ScoreCard : IAudited
{
    public const int SubjectCodeMaxLength = 40;
    public const int SubjectNameMaxLength = 200;
    public const int NoteMaxLength = 1000;

    private readonly List<ScoreEntry> _entries = [];

    private ScoreCard()
    {
    }

    public Guid Id { get; private set; }

    public int Year { get; private set; }

    public ScoringSubjectKind Kind { get; private set; }

    public Guid? PlaceId { get; private set; }

    /// <summary>The place id ("N" format) or the unit code: unique per year.</summary>
    public string SubjectCode { get; private set; } = "";

    /// <summary>The commune of a place or commune, or the district itself: the scope of the card.</summary>
    public string UnitCode { get; private set; } = "";

    public string SubjectName { get; private set; } = "";

    public string SheetName { get; private set; } = "";

    public string SheetBasis { get; private set; } = "";

    public decimal ExcellentFrom { get; private set; }

    public decimal GoodFrom { get; private set; }

    public decimal AverageFrom { get; private set; }

    /// <summary>False when the thresholds are the unconfirmed national defaults.</summary>
    public bool ThresholdsConfirmed { get; private set; }

    /// <summary>The reporting deadline (QĐ 510/2022 Điều 11), null when none applies.</summary>
    public DateOnly? Deadline { get; private set; }

    public ScoreCardStatus Status { get; private set; }

    public decimal? SelfTotal { get; private set; }

    /// <summary>The grade the self-score proposes.</summary>
    public ScoreGrade? ProposedGrade { get; private set; }

    /// <summary>The day (Vietnam) the self-score was sent.</summary>
    public DateOnly? SubmittedOn { get; private set; }

    public decimal? ReviewedTotal { get; private set; }

    /// <summary>The final grade, from the reviewed total.</summary>
    public ScoreGrade? Grade { get; private set; }

    public DateTime? ReviewedAtUtc { get; private set; }

    public string? ReviewNote { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<ScoreEntry> Entries => _entries;

    public GradeThresholds Thresholds => new(ExcellentFrom, GoodFrom, AverageFrom, ThresholdsConfirmed);

    /// <summary>The sheet lines as definitions.</summary>
    public IReadOnlyList<ScoreItemDefinition> Items => _entries.OrderBy(e => e.Position).Select(e => new ScoreItemDefinition(e.Code, e.Title, e.MaxPoints, e.Confirmed)).ToList();

    string IAudited.AuditModule => "Scoring";

    string IAudited.AuditId => Id.ToString();

    string? IAudited.AuditUnitCode => UnitCode;

    /// <summary>Opens a card with a copy of <paramref name="sheet"/>.</summary>
    public static ScoreCard Open(int year, ScoringSubjectKind kind, Guid? placeId, string unitCode, string subjectName, ScoreSheetDefinition sheet, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var name = VietnameseText.Clean(subjectName);
        var card = new ScoreCard
        {
            Id = Guid.CreateVersion7(),
            Year = year,
            Kind = kind,
            PlaceId = placeId,
            SubjectCode = placeId?.ToString("N") ?? unitCode,
            UnitCode = unitCode,
            SubjectName = name.Length <= SubjectNameMaxLength ? name : name[..SubjectNameMaxLength],
            SheetName = sheet.Name,
            SheetBasis = sheet.Basis,
            ExcellentFrom = sheet.Thresholds.Excellent,
            GoodFrom = sheet.Thresholds.Good,
            AverageFrom = sheet.Thresholds.Average,
            ThresholdsConfirmed = sheet.Thresholds.Confirmed,
            Deadline = ScoringRules.Deadline(kind, year),
            Status = ScoreCardStatus.Draft,
            CreatedAtUtc = nowUtc,
            UpdatedAtUtc = nowUtc,
            Version = 1,
        };
        var position = 0;
        foreach (var item in sheet.Items)
        {
            card._entries.Add(ScoreEntry.Create(card.Id, item, position++));
        }

        return card;
    }

    /// <summary>Saves self-score points (Draft only); blanks allowed until submission, but each given value is checked.</summary>
    public Result<bool> SaveSelfScore(IReadOnlyDictionary<string, decimal?> points, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (Status != ScoreCardStatus.Draft)
        {
            return Error.Conflict($"Bảng điểm ở trạng thái “{Status.Vietnamese()}”: không sửa được điểm tự chấm.");
        }

        var errors = CheckPartial(points);
        if (errors.Count > 0)
        {
            return Result<bool>.Failure(errors);
        }

        foreach (var entry in LeafEntries())
        {
            entry.SelfPoints = points.TryGetValue(entry.Code, out var value) ? value : entry.SelfPoints;
        }

        var total = ScoringRules.Total(Items, SelfPoints());
        SelfTotal = total.IsSuccess ? total.Value : null;
        ProposedGrade = total.IsSuccess ? ScoringRules.Grade(total.Value, Thresholds) : null;
        Touch(nowUtc);
        return true;
    }

    /// <summary>Draft → Submitted: every leaf scored; <paramref name="today"/> is recorded (late when after the deadline).</summary>
    public Error? Submit(DateOnly today, DateTime nowUtc)
    {
        if (Status != ScoreCardStatus.Draft)
        {
            return Illegal(ScoreCardStatus.Submitted);
        }

        var total = ScoringRules.Total(Items, SelfPoints());
        if (!total.IsSuccess)
        {
            return Error.Validation("Hãy chấm đủ các mục trước khi gửi: " + string.Join(" ", total.Errors.Select(e => e.Message)), "Points");
        }

        SelfTotal = total.Value;
        ProposedGrade = ScoringRules.Grade(total.Value, Thresholds);
        SubmittedOn = today;
        Status = ScoreCardStatus.Submitted;
        Touch(nowUtc);
        return null;
    }

    /// <summary>Submitted → Draft (to correct the self-score).</summary>
    public Error? ReturnToDraft(DateTime nowUtc)
    {
        if (Status != ScoreCardStatus.Submitted)
        {
            return Illegal(ScoreCardStatus.Draft);
        }

        Status = ScoreCardStatus.Draft;
        SubmittedOn = null;
        Touch(nowUtc);
        return null;
    }

    /// <summary>Submitted → Reviewed: the reviewer's points for every leaf, the total and the grade.</summary>
    public Error? Review(IReadOnlyDictionary<string, decimal?> points, string? note, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (Status != ScoreCardStatus.Submitted)
        {
            return Illegal(ScoreCardStatus.Reviewed);
        }

        var total = ScoringRules.Total(Items, points);
        if (!total.IsSuccess)
        {
            return Error.Validation(string.Join(" ", total.Errors.Select(e => e.Message)), "Points");
        }

        var cleaned = VietnameseText.Clean(note);
        if (cleaned.Length > NoteMaxLength)
        {
            return Error.Validation($"Nhận xét tối đa {NoteMaxLength} ký tự.", "Note");
        }

        foreach (var entry in LeafEntries())
        {
            entry.ReviewedPoints = points[entry.Code];
        }

        ReviewedTotal = total.Value;
        Grade = ScoringRules.Grade(total.Value, Thresholds);
        ReviewNote = cleaned.Length == 0 ? null : cleaned;
        ReviewedAtUtc = nowUtc;
        Status = ScoreCardStatus.Reviewed;
        Touch(nowUtc);
        return null;
    }

    /// <summary>The self-score points by leaf code.</summary>
    public IReadOnlyDictionary<string, decimal?> SelfPoints() => LeafEntries().ToDictionary(e => e.Code, e => e.SelfPoints, StringComparer.Ordinal);

    private IEnumerable<ScoreEntry> LeafEntries()
    {
        var leaves = ScoringRules.Leaves(Items).Select(l => l.Code).ToHashSet(StringComparer.Ordinal);
        return _entries.Where(e => leaves.Contains(e.Code));
    }

    private List<Error> CheckPartial(IReadOnlyDictionary<string, decimal?> points)
    {
        var errors = new List<Error>();
        var leaves = ScoringRules.Leaves(Items).ToDictionary(l => l.Code, StringComparer.Ordinal);
        foreach (var (code, value) in points)
        {
            if (!leaves.TryGetValue(code, out var leaf))
            {
                errors.Add(Error.Validation($"Mục “{code}” không có trong bảng điểm.", code));
            }
            else if (value is { } v && (v < 0 || v > leaf.MaxPoints || decimal.Round(v, 2) != v))
            {
                errors.Add(Error.Validation($"Điểm mục “{code}” phải từ 0 đến {ScoringRules.Format(leaf.MaxPoints)} (tối đa 2 chữ số thập phân).", code));
            }
        }

        return errors;
    }

    private void Touch(DateTime nowUtc)
    {
        UpdatedAtUtc = nowUtc;
        Version++;
    }

    private Error Illegal(ScoreCardStatus to) =>
        Error.Conflict($"Không thể chuyển bảng điểm từ “{Status.Vietnamese()}” sang “{to.Vietnamese()}”.");
}

/// <summary>A line of a card: the sheet line copied, with the self-score and reviewed points of leaves.</summary>
public sealed class ScoreEntry
{
    private ScoreEntry()
    {
    }

    public Guid Id { get; private set; }

    public Guid CardId { get; private set; }

    public int Position { get; private set; }

    public string Code { get; private set; } = "";

    public string Title { get; private set; } = "";

    public decimal MaxPoints { get; private set; }

    public bool Confirmed { get; private set; }

    public decimal? SelfPoints { get; internal set; }

    public decimal? ReviewedPoints { get; internal set; }

    internal static ScoreEntry Create(Guid cardId, ScoreItemDefinition item, int position) => new()
    {
        Id = Guid.CreateVersion7(),
        CardId = cardId,
        Position = position,
        Code = item.Code,
        Title = item.Title,
        MaxPoints = item.MaxPoints,
        Confirmed = item.Confirmed,
    };
}
