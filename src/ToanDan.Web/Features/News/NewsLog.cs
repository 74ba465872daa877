namespace ToanDan.Web.Features.News;

/// <summary>Log messages of the News module. IDs and statuses only.</summary>
internal static partial class NewsLog
{
    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Article {ArticleId} saved as revision {Revision}")]
    public static partial void Saved(ILogger logger, Guid articleId, int revision);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Information, Message = "Article {ArticleId} moved to {Status}")]
    public static partial void StatusChanged(ILogger logger, Guid articleId, ArticleStatus status);
}
