namespace ToanDan.Web.Features.Units;

/// <summary>Log messages of the Units module. Codes and counts only.</summary>
internal static partial class UnitsLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Catalogue {Source} as of {AsOf} imported: {Rows} rows, periods +{Added} ~{Changed} -{Removed}")]
    public static partial void CatalogueImported(ILogger logger, string source, DateOnly asOf, int rows, int added, int changed, int removed);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Mapping {Source} effective {AsOf} imported: {Rows} rows, links +{Added} ~{Changed}")]
    public static partial void MappingImported(ILogger logger, string source, DateOnly asOf, int rows, int added, int changed);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "File {Source} as of {AsOf} already imported with the same content")]
    public static partial void ImportUnchanged(ILogger logger, string source, DateOnly asOf);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Information, Message = "Place {PlaceId} saved in commune {CommuneCode}")]
    public static partial void PlaceSaved(ILogger logger, Guid placeId, string communeCode);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Information, Message = "{Count} places imported into commune scope {Scope}")]
    public static partial void PlacesImported(ILogger logger, int count, string scope);
}
