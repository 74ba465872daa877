namespace ToanDan.Web.Features.Media;

/// <summary>Log messages of the media library: ids and sizes only, never file names or alt texts.</summary>
internal static partial class MediaLog
{
    [LoggerMessage(EventId = 4200, Level = LogLevel.Information, Message = "Media {MediaId} uploaded ({Width}x{Height})")]
    public static partial void Uploaded(ILogger logger, Guid mediaId, int width, int height);

    [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "Media upload rejected for unit {UnitCode}")]
    public static partial void Rejected(ILogger logger, string unitCode);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Information, Message = "Media {MediaId} deleted")]
    public static partial void Deleted(ILogger logger, Guid mediaId);
}
