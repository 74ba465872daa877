using ToanDan.Web.Features.Tips.Staff;

namespace ToanDan.Web.Features.Tips;

/// <summary>Log messages of the Tips module: ids and counts only, never tip text, names or addresses.</summary>
internal static partial class TipsLog
{
    [LoggerMessage(EventId = 1501, Level = LogLevel.Information, Message = "Tip {TipId} received through {Channel}")]
    public static partial void Received(ILogger logger, Guid tipId, TipChannel channel);

    [LoggerMessage(EventId = 1502, Level = LogLevel.Information, Message = "Tip {TipId}: step {Step}")]
    public static partial void Step(ILogger logger, Guid tipId, HandleTip.Step step);

    [LoggerMessage(EventId = 1503, Level = LogLevel.Warning, Message = "Tip {TipId}: reporter identity revealed by user {UserId}")]
    public static partial void Revealed(ILogger logger, Guid tipId, Guid? userId);

    [LoggerMessage(EventId = 1504, Level = LogLevel.Information, Message = "Tips job: {Reminders} reminders raised, {Purged} tips purged, {Orphans} orphan files removed")]
    public static partial void JobRan(ILogger logger, int reminders, int purged, int orphans);

    [LoggerMessage(EventId = 1505, Level = LogLevel.Error, Message = "Tips job failed")]
    public static partial void JobFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1506, Level = LogLevel.Warning, Message = "Tip {TipId}: reminder {Kind}")]
    public static partial void Reminder(ILogger logger, Guid tipId, TipReminderKind kind);

    [LoggerMessage(EventId = 1507, Level = LogLevel.Warning, Message = "Tip intake: a group of {Count} submissions failed to commit; saving them one by one")]
    public static partial void GroupFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(EventId = 1508, Level = LogLevel.Error, Message = "Tip intake: the writer failed; the submissions it held were refused")]
    public static partial void WriterFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1509, Level = LogLevel.Warning, Message = "Tip intake: closing the writer's connection failed")]
    public static partial void SessionCloseFailed(ILogger logger, Exception exception);
}
