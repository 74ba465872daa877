namespace ToanDan.Web.Features.Units;

/// <summary>
/// A successor link from an official mapping table: on <see cref="EffectiveOn"/> the unit
/// <see cref="PredecessorCode"/> passed, whole or in part, into <see cref="SuccessorCode"/>.
/// </summary>
public sealed class UnitSuccession
{
    private UnitSuccession()
    {
    }

    public Guid Id { get; private set; }

    public string PredecessorCode { get; private set; } = "";

    public string SuccessorCode { get; private set; } = "";

    /// <summary>The first day the successor exists in this form.</summary>
    public DateOnly EffectiveOn { get; private set; }

    public SuccessionShare Share { get; private set; }

    /// <summary>For a split, the successor that single-valued look-ups use; true for every unsplit link.</summary>
    public bool IsPrimary { get; private set; }

    /// <summary>Why this successor is primary (the mapping file's <c>primary_basis</c>), if known.</summary>
    public string? PrimaryBasis { get; private set; }

    /// <summary>The source's own remark, as published.</summary>
    public string? Note { get; private set; }

    internal static UnitSuccession Create(string predecessor, string successor, DateOnly effectiveOn, SuccessionShare share, bool isPrimary, string? primaryBasis, string? note) => new()
    {
        Id = Guid.CreateVersion7(),
        PredecessorCode = predecessor,
        SuccessorCode = successor,
        EffectiveOn = effectiveOn,
        Share = share,
        IsPrimary = isPrimary,
        PrimaryBasis = primaryBasis,
        Note = note,
    };

    internal bool Update(SuccessionShare share, bool isPrimary, string? primaryBasis, string? note)
    {
        if (Share == share && IsPrimary == isPrimary && PrimaryBasis == primaryBasis && Note == note)
        {
            return false;
        }

        Share = share;
        IsPrimary = isPrimary;
        PrimaryBasis = primaryBasis;
        Note = note;
        return true;
    }
}
