namespace ToanDan.Web.Features.Units;

/// <summary>
/// One period of an administrative unit: its code, name, kind and parent while they held.
/// A unit whose name, kind or parent changed has several periods with the same code.
/// Periods are derived from the imported catalogues (see <see cref="Import.UnitPeriodBuilder"/>), never typed in.
/// </summary>
public sealed class AdministrativeUnit
{
    private AdministrativeUnit()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>Official statistical code: 2 digits for a province, 3 for a district, 5 for a commune.</summary>
    public string Code { get; private set; } = "";

    /// <summary>Full official name including the type word, e.g. "Thị trấn Nam Sách".</summary>
    public string Name { get; private set; } = "";

    /// <summary>The name folded for diacritics-insensitive search.</summary>
    public string SearchName { get; private set; } = "";

    public UnitLevel Level { get; private set; }

    public UnitKind Kind { get; private set; }

    /// <summary>The parent's code during this period; null for provinces.</summary>
    public string? ParentCode { get; private set; }

    /// <summary>First day of the period; null when the unit was already in the earliest catalogue imported.</summary>
    public DateOnly? ValidFrom { get; private set; }

    /// <summary>First day the period no longer holds (exclusive); null while it still holds.</summary>
    public DateOnly? ValidTo { get; private set; }

    /// <summary>True when the period covers <paramref name="date"/>.</summary>
    public bool IsValidOn(DateOnly date) => (ValidFrom is null || ValidFrom <= date) && (ValidTo is null || date < ValidTo);

    internal static AdministrativeUnit Create(UnitState state, DateOnly? validFrom, DateOnly? validTo) => new()
    {
        Id = Guid.CreateVersion7(),
        Code = state.Code,
        Name = state.Name,
        SearchName = Infrastructure.Text.VietnameseText.Fold(state.Name),
        Level = state.Level,
        Kind = state.Kind,
        ParentCode = state.ParentCode,
        ValidFrom = validFrom,
        ValidTo = validTo,
    };

    internal UnitState State => new(Code, Name, Level, Kind, ParentCode);

    /// <summary>Brings this stored period in line with a recomputed one; returns true if anything changed.</summary>
    internal bool Reconcile(UnitState state, DateOnly? validTo)
    {
        if (State == state && ValidTo == validTo)
        {
            return false;
        }

        Name = state.Name;
        SearchName = Infrastructure.Text.VietnameseText.Fold(state.Name);
        Level = state.Level;
        Kind = state.Kind;
        ParentCode = state.ParentCode;
        ValidTo = validTo;
        return true;
    }
}

/// <summary>What a catalogue says of one unit: the part of a period that can change.</summary>
public sealed record UnitState(string Code, string Name, UnitLevel Level, UnitKind Kind, string? ParentCode);
