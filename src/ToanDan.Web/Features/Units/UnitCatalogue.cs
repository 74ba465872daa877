namespace ToanDan.Web.Features.Units;

/// <summary>An imported source file: a unit catalogue as of a date, or a mapping table.</summary>
public sealed class UnitCatalogue
{
    private readonly List<UnitCatalogueEntry> _entries = [];

    private UnitCatalogue()
    {
    }

    public Guid Id { get; private set; }

    public UnitCatalogueKind Kind { get; private set; }

    /// <summary>The date the catalogue describes, or the date a mapping took effect.</summary>
    public DateOnly AsOf { get; private set; }

    /// <summary>The file name it was read from.</summary>
    public string SourceName { get; private set; } = "";

    /// <summary>SHA-256 of the file's bytes, hex; a re-import of the same bytes is a no-op.</summary>
    public string Sha256 { get; private set; } = "";

    public int RowCount { get; private set; }

    public DateTime ImportedAtUtc { get; private set; }

    /// <summary>The units listed by a catalogue (empty for mappings).</summary>
    public IReadOnlyList<UnitCatalogueEntry> Entries => _entries;

    internal static UnitCatalogue Create(UnitCatalogueKind kind, DateOnly asOf, string sourceName, string sha256, int rowCount, DateTime importedAtUtc) => new()
    {
        Id = Guid.CreateVersion7(),
        Kind = kind,
        AsOf = asOf,
        SourceName = sourceName,
        Sha256 = sha256,
        RowCount = rowCount,
        ImportedAtUtc = importedAtUtc,
    };

    internal void Replace(string sourceName, string sha256, int rowCount, DateTime importedAtUtc)
    {
        SourceName = sourceName;
        Sha256 = sha256;
        RowCount = rowCount;
        ImportedAtUtc = importedAtUtc;
    }
}

/// <summary>What an imported file holds.</summary>
public enum UnitCatalogueKind
{
    /// <summary>A list of units in force on a date.</summary>
    Catalogue,

    /// <summary>A table of successor links.</summary>
    Mapping,
}

/// <summary>One row of an imported catalogue, kept so that unit periods can be recomputed whatever the import order.</summary>
public sealed class UnitCatalogueEntry
{
    private UnitCatalogueEntry()
    {
    }

    public Guid CatalogueId { get; private set; }

    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public UnitLevel Level { get; private set; }

    public UnitKind Kind { get; private set; }

    public string? ParentCode { get; private set; }

    internal UnitState State => new(Code, Name, Level, Kind, ParentCode);

    internal static UnitCatalogueEntry Create(Guid catalogueId, UnitState state) => new()
    {
        CatalogueId = catalogueId,
        Code = state.Code,
        Name = state.Name,
        Level = state.Level,
        Kind = state.Kind,
        ParentCode = state.ParentCode,
    };
}
