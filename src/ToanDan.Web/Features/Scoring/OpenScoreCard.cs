using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Units;
using ToanDan.Web.Infrastructure;

namespace ToanDan.Web.Features.Scoring;

/// <summary>Opens the score card of a place, commune or district for a year, with a copy of the sheet that applies (QĐ 510/2022).</summary>
public static class OpenScoreCard
{
    /// <param name="Year">The year scored.</param>
    /// <param name="PlaceId">The place; null to score <paramref name="UnitCode"/> (a commune or a district).</param>
    /// <param name="UnitCode">The commune or district when no place is given.</param>
    public sealed record Command(int Year, Guid? PlaceId, string? UnitCode);

    public sealed class Handler(ToanDanDb db, ScoringAccess access, ScoreSheetCatalogue sheets, UnitTree tree, TimeProvider clock)
    {
        public async Task<Result<Guid>> HandleAsync(ClaimsPrincipal user, Command input, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(input);
            var today = access.Today;
            if (input.Year < 2000 || input.Year > today.Year)
            {
                return Error.Validation($"Năm chấm điểm phải từ 2000 đến {today.Year}.", "Year");
            }

            ScoringSubjectKind kind;
            string unitCode;
            string name;
            var date = access.ScopeDate(input.Year);
            if (input.PlaceId is { } placeId)
            {
                var place = await db.Places.AsNoTracking().SingleOrDefaultAsync(p => p.Id == placeId, ct);
                if (place is null || !await access.CanAsync(user, ScoringPermissions.Edit, place.CommuneCode, input.Year, ct))
                {
                    return Error.NotFound("Không tìm thấy địa bàn này.");
                }

                kind = place.Kind switch
                {
                    PlaceKind.ResidentialArea => ScoringSubjectKind.ResidentialArea,
                    PlaceKind.Agency => ScoringSubjectKind.Agency,
                    PlaceKind.Enterprise => ScoringSubjectKind.Enterprise,
                    _ => ScoringSubjectKind.School,
                };
                unitCode = place.CommuneCode;
                name = place.Name;
            }
            else
            {
                unitCode = (input.UnitCode ?? "").Trim();
                if (unitCode.Length == 0 || !await access.CanAsync(user, ScoringPermissions.Edit, unitCode, input.Year, ct))
                {
                    return Error.NotFound("Không tìm thấy đơn vị này trong phạm vi của tài khoản.");
                }

                var unit = await tree.FindAsync(unitCode, date, ct);
                if (unit is null || unit.Level == UnitLevel.Province)
                {
                    return Error.Validation($"Mã {unitCode} không phải là xã hoặc huyện trong năm {input.Year}.", "UnitCode");
                }

                kind = unit.Level == UnitLevel.District ? ScoringSubjectKind.District : ScoringSubjectKind.Commune;
                name = unit.Name;
            }

            var subjectCode = input.PlaceId?.ToString("N") ?? unitCode;
            if (await db.ScoreCards.AnyAsync(c => c.Year == input.Year && c.SubjectCode == subjectCode, ct))
            {
                return Error.Conflict($"{name} đã có bảng điểm năm {input.Year}.");
            }

            var sheet = await sheets.ForAsync(kind.SheetKind(), input.Year, unitCode, date, ct);
            var card = ScoreCard.Open(input.Year, kind, input.PlaceId, unitCode, name, sheet, clock.GetUtcNow().UtcDateTime);
            db.ScoreCards.Add(card);
            db.Audit?.Add("Scoring", nameof(ScoreCard), card.Id.ToString(), "scoring.open", unitCode, $"Năm {input.Year}: {card.SubjectName}");
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                return Error.Conflict($"{name} đã có bảng điểm năm {input.Year}.");
            }

            return card.Id;
        }
    }
}
