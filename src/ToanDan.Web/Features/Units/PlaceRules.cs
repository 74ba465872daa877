using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Infrastructure;
using ToanDan.Web.Infrastructure.Text;
using ToanDan.Web.Infrastructure.Time;

namespace ToanDan.Web.Features.Units;

/// <summary>
/// The rules of a place that need the database, shared by every entry path (form, spreadsheet import):
/// its commune must be a commune-level unit on the day the place starts, and it must not duplicate
/// another place of the commune (same kind, same name without regard to diacritics, overlapping validity).
/// </summary>
public sealed class PlaceRules(ToanDanDb db, UnitTree tree)
{
    /// <summary>Null when <paramref name="communeCode"/> is a commune-level unit on <paramref name="validFrom"/>; otherwise why not.</summary>
    public async Task<Error?> CheckCommuneAsync(string communeCode, DateOnly validFrom, CancellationToken ct)
    {
        var unit = await tree.FindAsync(communeCode, validFrom, ct);
        if (unit is null)
        {
            var history = await tree.HistoryAsync(communeCode, ct);
            if (history.Count == 0)
            {
                return Error.Validation($"Không có đơn vị hành chính mã {communeCode}.", nameof(Place.CommuneCode));
            }

            var periods = string.Join("; ", history.Select(p => UnitLabels.Period(p.ValidFrom, p.ValidTo)));
            return Error.Validation(
                $"{history[^1].Name} (mã {communeCode}) không tồn tại vào ngày {VietnamTime.Format(validFrom)}; đơn vị này có hiệu lực {periods}.",
                nameof(Place.ValidFrom));
        }

        return unit.Level == UnitLevel.Commune
            ? null
            : Error.Validation($"{unit.Name} không phải đơn vị cấp xã; địa bàn chỉ thuộc về xã, phường, thị trấn hoặc đặc khu.", nameof(Place.CommuneCode));
    }

    /// <summary>Null when no other place (other than <paramref name="except"/>) duplicates <paramref name="details"/> in the commune.</summary>
    public async Task<Error?> CheckDuplicateAsync(string communeCode, PlaceDetails details, Guid? except, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(details);
        var query = db.Places.AsNoTracking().Duplicating(communeCode, details.Kind, VietnameseText.Fold(details.Name), details.ValidFrom, details.ValidTo);
        if (except is { } id)
        {
            query = query.Where(p => p.Id != id);
        }

        var existing = await query.OrderBy(p => p.ValidFrom).Select(p => new { p.Name, p.ValidFrom, p.ValidTo }).FirstOrDefaultAsync(ct);
        return existing is null ? null : Duplicate(existing.Name, existing.ValidFrom, existing.ValidTo);
    }

    /// <summary>The message for a duplicate of an existing place.</summary>
    public static Error Duplicate(string existingName, DateOnly existingFrom, DateOnly? existingTo) =>
        Error.Conflict(
            $"Xã này đã có địa bàn cùng loại tên “{existingName}” có hiệu lực {UnitLabels.Period(existingFrom, existingTo)}, trùng thời gian với địa bàn này.",
            nameof(Place.Name));

    /// <summary>True when two validity ranges (exclusive ends, null = open) share at least one day.</summary>
    public static bool Overlaps(DateOnly aFrom, DateOnly? aTo, DateOnly bFrom, DateOnly? bTo) =>
        (aTo is null || aTo > bFrom) && (bTo is null || bTo > aFrom);
}
