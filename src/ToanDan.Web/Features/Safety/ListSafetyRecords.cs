using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Infrastructure;
using ToanDan.Web.Infrastructure.Time;

namespace ToanDan.Web.Features.Safety;

/// <summary>The records of a year in the reader's scope, optionally under one unit, of one kind, status or result.</summary>
public static class ListSafetyRecords
{
    /// <summary>Most rows shown or exported at once.</summary>
    public const int MaxRows = 5000;

    public sealed record Query(int Year, string? Unit = null, SafetySubjectKind? Kind = null, SafetyStatus? Status = null, SafetyResult? Result = null);

    public sealed record Row(
        Guid Id, int Year, SafetySubjectKind Kind, string UnitCode, string SubjectName, SafetyStatus Status, DateOnly RegisteredOn,
        SafetyResult? Result, string? DecisionNumber, DateOnly? DecidedOn, string? CertificateNumber);

    public sealed class Handler(ToanDanDb db, SafetyAccess access)
    {
        /// <summary>The rows; not found when <see cref="Query.Unit"/> is outside the reader's scope.</summary>
        public async Task<Result<IReadOnlyList<Row>>> HandleAsync(ClaimsPrincipal user, Query input, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(input);
            var visible = await access.VisibleUnitsAsync(user, SafetyPermissions.View, ct);
            var query = db.SafetyRecords.AsNoTracking().Where(r => r.Year == input.Year);
            if (visible is not null)
            {
                var codes = visible.ToList();
                query = query.Where(r => codes.Contains(r.UnitCode));
            }

            if (!string.IsNullOrWhiteSpace(input.Unit))
            {
                var unit = input.Unit.Trim();
                if (!await access.CanAsync(user, SafetyPermissions.View, unit, input.Year, ct))
                {
                    return Error.NotFound($"Không có đơn vị mã {unit} trong phạm vi của tài khoản.");
                }

                var under = await access.CodesUnderAsync(unit, ct);
                if (under is not null)
                {
                    var codes = under.ToList();
                    query = query.Where(r => codes.Contains(r.UnitCode));
                }
            }

            if (input.Kind is { } kind)
            {
                query = query.Where(r => r.Kind == kind);
            }

            if (input.Status is { } status)
            {
                query = query.Where(r => r.Status == status);
            }

            if (input.Result is { } result)
            {
                query = query.Where(r => r.Result == result);
            }

            var rows = await query.OrderBy(r => r.UnitCode).ThenBy(r => r.Kind).ThenBy(r => r.SubjectName).Take(MaxRows)
                .Select(r => new Row(r.Id, r.Year, r.Kind, r.UnitCode, r.SubjectName, r.Status, r.RegisteredOn, r.Result, r.DecisionNumber, r.DecidedOn, r.CertificateNumber))
                .ToListAsync(ct);
            return rows;
        }
    }

    /// <summary>The export columns.</summary>
    public static readonly IReadOnlyList<string> Columns =
        ["Năm", "Mã xã", "Loại", "Tên", "Ngày đăng ký", "Trạng thái", "Kết quả", "Số quyết định", "Ngày quyết định", "Số Giấy công nhận"];

    /// <summary>A row as export cells.</summary>
    public static IReadOnlyList<string?> Cells(Row row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return
        [
            row.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), row.UnitCode, row.Kind.Vietnamese(), row.SubjectName,
            VietnamTime.Format(row.RegisteredOn), row.Status.Vietnamese(), row.Result?.Vietnamese(), row.DecisionNumber,
            row.DecidedOn is { } d ? VietnamTime.Format(d) : null, row.CertificateNumber,
        ];
    }
}
