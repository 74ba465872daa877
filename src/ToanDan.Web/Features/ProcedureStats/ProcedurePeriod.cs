using ToanDan.Web.Features.Audit;
using ToanDan.Web.Infrastructure;

namespace ToanDan.Web.Features.ProcedureStats;

/// <summary>
/// The administrative-procedure results of one unit for one calendar month ("Kết quả giải quyết TTHC").
/// One record per unit and month; <see cref="PeriodStart"/> and <see cref="PeriodEnd"/> are stored so that
/// "the latest period not after today" is a plain query.
/// </summary>
public sealed class ProcedurePeriod : IAudited
{
    /// <summary>Earliest year accepted.</summary>
    public const int MinYear = 2000;

    private ProcedurePeriod()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The unit (official code, any level) the counters belong to.</summary>
    public string UnitCode { get; private set; } = "";

    public int Year { get; private set; }

    public int Month { get; private set; }

    /// <summary>First day of the month.</summary>
    public DateOnly PeriodStart { get; private set; }

    /// <summary>Last day of the month (inclusive).</summary>
    public DateOnly PeriodEnd { get; private set; }

    public int Received { get; private set; }

    public int Processed { get; private set; }

    public int OnTimeOrEarly { get; private set; }

    public int Late { get; private set; }

    /// <summary>Concurrency token, incremented on every change.</summary>
    public int Version { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    string IAudited.AuditModule => "ProcedureStats";

    string IAudited.AuditId => Id.ToString();

    string? IAudited.AuditUnitCode => UnitCode;

    public ProcedureFigures Figures => new(Received, Processed, OnTimeOrEarly, Late);

    /// <summary>Checks a year and month: a real month from <see cref="MinYear"/>, not after the current month.</summary>
    public static IReadOnlyList<Error> CheckPeriod(int year, int month, DateOnly today)
    {
        var errors = new List<Error>();
        if (year < MinYear || year > today.Year)
        {
            errors.Add(Error.Validation($"Năm phải từ {MinYear} đến {today.Year}.", nameof(Year)));
        }

        if (month is < 1 or > 12)
        {
            errors.Add(Error.Validation("Tháng phải từ 1 đến 12.", nameof(Month)));
        }

        if (errors.Count == 0 && new DateOnly(year, month, 1) > today)
        {
            errors.Add(Error.Validation($"Chưa đến tháng {month}/{year}: không nhập số liệu cho kỳ tương lai.", nameof(Month)));
        }

        return errors;
    }

    /// <summary>Creates a period after checking its counters; the caller has checked the period itself.</summary>
    public static Result<ProcedurePeriod> Create(string unitCode, int year, int month, ProcedureFigures figures, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var errors = figures.Validate();
        if (errors.Count > 0)
        {
            return Result<ProcedurePeriod>.Failure(errors);
        }

        var start = new DateOnly(year, month, 1);
        var period = new ProcedurePeriod
        {
            Id = Guid.CreateVersion7(),
            UnitCode = unitCode,
            Year = year,
            Month = month,
            PeriodStart = start,
            PeriodEnd = start.AddMonths(1).AddDays(-1),
            CreatedAtUtc = nowUtc,
            Version = 1,
        };
        period.Apply(figures, nowUtc);
        return period;
    }

    /// <summary>Replaces the counters after checking them.</summary>
    public IReadOnlyList<Error> Update(ProcedureFigures figures, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var errors = figures.Validate();
        if (errors.Count == 0 && figures != Figures)
        {
            Apply(figures, nowUtc);
            Version++;
        }

        return errors;
    }

    private void Apply(ProcedureFigures figures, DateTime nowUtc)
    {
        Received = figures.Received;
        Processed = figures.Processed;
        OnTimeOrEarly = figures.OnTimeOrEarly;
        Late = figures.Late;
        UpdatedAtUtc = nowUtc;
    }
}
