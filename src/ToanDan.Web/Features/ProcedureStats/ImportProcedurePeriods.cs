using System.Security.Claims;
using ToanDan.Web.Data;
using ToanDan.Web.Features.ProcedureStats.Api;
using ToanDan.Web.Infrastructure;
using ToanDan.Web.Infrastructure.Text;

namespace ToanDan.Web.Features.ProcedureStats;

/// <summary>
/// Imports monthly counters from CSV (the staff upload and the push API): a header row naming the columns
/// <c>unit, year, month, received, processed, onTimeOrEarly, late</c> (any order, any case), then one row per
/// unit and month. Every row goes through <see cref="SaveProcedurePeriod"/>; all rows are saved, or none.
/// </summary>
public static class ImportProcedurePeriods
{
    /// <summary>The columns, in template order.</summary>
    public static readonly IReadOnlyList<string> Columns = ["unit", "year", "month", "received", "processed", "onTimeOrEarly", "late"];

    /// <summary>Most rows accepted in one file.</summary>
    public const int MaxRows = 5000;

    public sealed class Handler(ToanDanDb db, SaveProcedurePeriod.Handler save, ILogger<Handler> logger)
    {
        public async Task<Result<IReadOnlyList<SaveProcedurePeriod.Saved>>> HandleAsync(string text, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(text);
            using var parser = CsvFiles.Open(text.TrimStart('\uFEFF'));
            var header = CsvFiles.ReadRecord(parser, "CSV", out _);
            if (header is null || header.Error is not null || header.Fields.Length == 0)
            {
                return Error.Validation("Tệp CSV trống hoặc thiếu dòng tiêu đề (unit, year, month, received, processed, onTimeOrEarly, late).");
            }

            var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < header.Fields.Length; i++)
            {
                index.TryAdd(header.Fields[i].Trim(), i);
            }

            var missing = Columns.Where(c => !index.ContainsKey(c)).ToList();
            if (missing.Count > 0)
            {
                return Error.Validation($"Dòng tiêu đề thiếu cột: {string.Join(", ", missing)}.", missing[0]);
            }

            var errors = new List<Error>();
            var staged = new List<(ProcedurePeriod Period, bool Created)>();
            var rows = 0;
            while (CsvFiles.ReadRecord(parser, "CSV", out var line) is { } record)
            {
                if (record.Error is not null)
                {
                    errors.Add(Error.Validation(record.Error));
                    continue;
                }

                if (++rows > MaxRows)
                {
                    errors.Add(Error.Validation($"Tệp có hơn {MaxRows} dòng; hãy chia nhỏ."));
                    break;
                }

                string? Field(string name) => index[name] < record.Fields.Length ? record.Fields[index[name]] : null;
                var rowErrors = new List<Error>();
                int? Number(string name)
                {
                    var raw = Field(name);
                    var value = ProcedureStatsApi.ParseCount(raw);
                    if (value is null && !string.IsNullOrWhiteSpace(raw))
                    {
                        rowErrors.Add(Error.Validation($"Dòng {line}, cột {name}: “{raw.Trim()}” không phải số nguyên.", name));
                    }

                    return value;
                }

                var command = new SaveProcedurePeriod.Command
                {
                    UnitCode = Field("unit")?.Trim() ?? "",
                    Year = Number("year"),
                    Month = Number("month"),
                    Received = Number("received"),
                    Processed = Number("processed"),
                    OnTimeOrEarly = Number("onTimeOrEarly"),
                    Late = Number("late"),
                };
                if (rowErrors.Count > 0)
                {
                    errors.AddRange(rowErrors);
                    continue;
                }

                if (command.UnitCode.Length == 0)
                {
                    errors.Add(Error.Validation($"Dòng {line}, cột unit: thiếu mã đơn vị.", "unit"));
                    continue;
                }

                var result = await save.StageAsync(command, user, ct);
                if (result.IsSuccess)
                {
                    staged.Add(result.Value);
                }
                else
                {
                    errors.AddRange(ProcedureStatsApi.NameFields(result.Errors).Select(e => e with { Message = $"Dòng {line}: {e.Message}" }));
                }
            }

            if (errors.Count == 0 && rows == 0)
            {
                errors.Add(Error.Validation("Tệp CSV không có dòng số liệu nào."));
            }

            if (errors.Count > 0)
            {
                db.ChangeTracker.Clear();
                return Result<IReadOnlyList<SaveProcedurePeriod.Saved>>.Failure(errors);
            }

            await db.SaveChangesAsync(ct);
            ProcedureStatsLog.PeriodsImported(logger, staged.Count);
            return staged.DistinctBy(s => s.Period.Id).Select(s => SaveProcedurePeriod.Saved.From(s.Period, s.Created)).ToList();
        }
    }

}
