namespace ToanDan.Web.Features.ProcedureStats;

/// <summary>Log messages of the ProcedureStats module. Codes and counts only.</summary>
internal static partial class ProcedureStatsLog
{
    [LoggerMessage(EventId = 1501, Level = LogLevel.Information, Message = "Procedure period {PeriodId} of unit {UnitCode} {Year}-{Month} saved")]
    public static partial void PeriodSaved(ILogger logger, Guid periodId, string unitCode, int year, int month);

    [LoggerMessage(EventId = 1502, Level = LogLevel.Information, Message = "{Count} procedure periods imported")]
    public static partial void PeriodsImported(ILogger logger, int count);
}
