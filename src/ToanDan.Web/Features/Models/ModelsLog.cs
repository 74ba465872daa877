namespace ToanDan.Web.Features.Models;

/// <summary>Log messages of the Models module. IDs and counts only.</summary>
internal static partial class ModelsLog
{
    [LoggerMessage(EventId = 1601, Level = LogLevel.Information, Message = "Model {ModelId} saved")]
    public static partial void Saved(ILogger logger, Guid modelId);

    [LoggerMessage(EventId = 1602, Level = LogLevel.Information, Message = "{Count} models imported")]
    public static partial void Imported(ILogger logger, int count);
}
