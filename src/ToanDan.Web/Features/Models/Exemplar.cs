using ToanDan.Web.Features.Audit;
using ToanDan.Web.Infrastructure;
using ToanDan.Web.Infrastructure.Text;

namespace ToanDan.Web.Features.Models;

/// <summary>An exemplar is a collective (tập thể) or a person (cá nhân).</summary>
public enum ExemplarKind
{
    Collective,
    Individual,
}

/// <summary>What describes an exemplar.</summary>
public sealed record ExemplarDetails(
    ExemplarKind Kind, string Name, Guid? ModelId, string? Achievements, string RecognisedBy, string? DecisionNumber, DateOnly DecisionDate)
{
    public IReadOnlyList<Error> Validate(DateOnly today)
    {
        var errors = new List<Error>();
        void Text(string? value, int max, bool required, string field, string label)
        {
            var clean = VietnameseText.Clean(value);
            if (required && clean.Length == 0)
            {
                errors.Add(Error.Validation($"Hãy nhập {label}.", field));
            }
            else if (clean.Length > max)
            {
                errors.Add(Error.Validation($"{char.ToUpperInvariant(label[0])}{label[1..]} dài tối đa {max} ký tự.", field));
            }
        }

        Text(Name, Exemplar.NameMaxLength, true, nameof(Name), "tên tập thể hoặc cá nhân");
        Text(Achievements, Exemplar.AchievementsMaxLength, false, nameof(Achievements), "thành tích");
        Text(RecognisedBy, Exemplar.RecognisedByMaxLength, true, nameof(RecognisedBy), "cơ quan, người công nhận");
        Text(DecisionNumber, Exemplar.DecisionNumberMaxLength, false, nameof(DecisionNumber), "số quyết định");
        if (DecisionDate > today)
        {
            errors.Add(Error.Validation("Ngày quyết định không được sau hôm nay.", nameof(DecisionDate)));
        }
        else if (DecisionDate.Year < MovementModel.MinYear)
        {
            errors.Add(Error.Validation($"Ngày quyết định phải từ năm {MovementModel.MinYear}.", nameof(DecisionDate)));
        }

        return errors;
    }
}

/// <summary>
/// An exemplar of the movement (điển hình tiên tiến): a collective or a person recognised by an authority, with the
/// decision's number and date (HD 22/HD-BCA-V05). It belongs to a unit and may be linked to a model.
/// </summary>
public sealed class Exemplar : IAudited
{
    public const int NameMaxLength = 300;
    public const int AchievementsMaxLength = 2000;
    public const int RecognisedByMaxLength = 300;
    public const int DecisionNumberMaxLength = 60;

    private Exemplar()
    {
    }

    public Guid Id { get; private set; }

    public string UnitCode { get; private set; } = "";

    public ExemplarKind Kind { get; private set; }

    public string Name { get; private set; } = "";

    public Guid? ModelId { get; private set; }

    public string? Achievements { get; private set; }

    /// <summary>Who recognised it, e.g. "Chủ tịch UBND huyện Nam Sách".</summary>
    public string RecognisedBy { get; private set; } = "";

    public string? DecisionNumber { get; private set; }

    public DateOnly DecisionDate { get; private set; }

    public int Version { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    string IAudited.AuditModule => "Models";

    string IAudited.AuditId => Id.ToString();

    string? IAudited.AuditUnitCode => UnitCode;

    public ExemplarDetails Details() => new(Kind, Name, ModelId, Achievements, RecognisedBy, DecisionNumber, DecisionDate);

    public static Result<Exemplar> Create(string unitCode, ExemplarDetails details, DateOnly today, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(details);
        var errors = details.Validate(today);
        if (errors.Count > 0)
        {
            return Result<Exemplar>.Failure(errors);
        }

        var exemplar = new Exemplar { Id = Guid.CreateVersion7(), UnitCode = unitCode, Version = 1 };
        exemplar.Apply(details, nowUtc);
        return exemplar;
    }

    public Result<bool> Edit(ExemplarDetails details, DateOnly today, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(details);
        var errors = details.Validate(today);
        if (errors.Count > 0)
        {
            return Result<bool>.Failure(errors);
        }

        Apply(details, nowUtc);
        Version++;
        return true;
    }

    /// <summary>Moves the record to another unit (the caller checks the unit and the scope).</summary>
    public void Reassign(string unitCode) => UnitCode = unitCode;

    private void Apply(ExemplarDetails details, DateTime nowUtc)
    {
        Kind = details.Kind;
        Name = VietnameseText.Clean(details.Name);
        ModelId = details.ModelId;
        Achievements = string.IsNullOrWhiteSpace(details.Achievements) ? null : VietnameseText.Clean(details.Achievements);
        RecognisedBy = VietnameseText.Clean(details.RecognisedBy);
        DecisionNumber = string.IsNullOrWhiteSpace(details.DecisionNumber) ? null : VietnameseText.Clean(details.DecisionNumber);
        DecisionDate = details.DecisionDate;
        UpdatedAtUtc = nowUtc;
    }
}
