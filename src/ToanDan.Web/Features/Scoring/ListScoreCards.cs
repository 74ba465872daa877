using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Infrastructure;
using ToanDan.Web.Infrastructure.Time;

namespace ToanDan.Web.Features.Scoring;

/// <summary>The cards of a year in the reader's scope, filtered; <see cref="Query.OverdueOnly"/> keeps those not sent by their deadline.</summary>
public static class ListScoreCards
{
    public const int MaxRows = 5000;

    public sealed record Query(int Year, string? Unit = null, ScoringSubjectKind? Kind = null, ScoreCardStatus? Status = null, ScoreGrade? Grade = null, bool OverdueOnly = false);

    public sealed record Row(
        Guid Id, int Year, ScoringSubjectKind Kind, string UnitCode, string SubjectName, ScoreCardStatus Status, DateOnly? Deadline, DateOnly? SubmittedOn,
        bool Overdue, decimal? SelfTotal, ScoreGrade? ProposedGrade, decimal? ReviewedTotal, ScoreGrade? Grade);

    public sealed class Handler(ToanDanDb db, ScoringAccess access)
    {
        public async Task<Result<IReadOnlyList<Row>>> HandleAsync(ClaimsPrincipal user, Query input, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(input);
            var visible = await access.VisibleUnitsAsync(user, ct);
            var query = db.ScoreCards.AsNoTracking().Where(c => c.Year == input.Year);
            if (visible is not null)
            {
                var codes = visible.ToList();
                query = query.Where(c => codes.Contains(c.UnitCode));
            }

            if (!string.IsNullOrWhiteSpace(input.Unit))
            {
                var unit = input.Unit.Trim();
                if (!await access.CanAsync(user, ScoringPermissions.View, unit, input.Year, ct))
                {
                    return Error.NotFound($"Không có đơn vị mã {unit} trong phạm vi của tài khoản.");
                }

                if (await access.CodesUnderAsync(unit, ct) is { } under)
                {
                    var codes = under.ToList();
                    query = query.Where(c => codes.Contains(c.UnitCode));
                }
            }

            if (input.Kind is { } kind)
            {
                query = query.Where(c => c.Kind == kind);
            }

            if (input.Status is { } status)
            {
                query = query.Where(c => c.Status == status);
            }

            if (input.Grade is { } grade)
            {
                query = query.Where(c => c.Grade == grade);
            }

            var today = access.Today;
            var rows = (await query.OrderBy(c => c.UnitCode).ThenBy(c => c.Kind).ThenBy(c => c.SubjectName).Take(MaxRows)
                    .Select(c => new { c.Id, c.Year, c.Kind, c.UnitCode, c.SubjectName, c.Status, c.Deadline, c.SubmittedOn, c.SelfTotal, c.ProposedGrade, c.ReviewedTotal, c.Grade })
                    .ToListAsync(ct))
                .Select(c => new Row(c.Id, c.Year, c.Kind, c.UnitCode, c.SubjectName, c.Status, c.Deadline, c.SubmittedOn,
                    ScoringRules.IsOverdue(c.Kind, c.Year, c.SubmittedOn, today), c.SelfTotal, c.ProposedGrade, c.ReviewedTotal, c.Grade))
                .Where(r => !input.OverdueOnly || r.Overdue)
                .ToList();
            return rows;
        }
    }

    public static readonly IReadOnlyList<string> Columns =
        ["Năm", "Mã đơn vị", "Loại", "Tên", "Hạn gửi", "Ngày gửi", "Quá hạn", "Trạng thái", "Điểm tự chấm", "Xếp loại đề nghị", "Điểm thẩm định", "Xếp loại"];

    public static IReadOnlyList<string?> Cells(Row row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return
        [
            row.Year.ToString(CultureInfo.InvariantCulture), row.UnitCode, row.Kind.Vietnamese(), row.SubjectName,
            row.Deadline is { } d ? VietnamTime.Format(d) : null, row.SubmittedOn is { } s ? VietnamTime.Format(s) : null, row.Overdue ? "Có" : "",
            row.Status.Vietnamese(), row.SelfTotal is { } st ? ScoringRules.Format(st) : null, row.ProposedGrade?.Vietnamese(),
            row.ReviewedTotal is { } rt ? ScoringRules.Format(rt) : null, row.Grade?.Vietnamese(),
        ];
    }
}
