using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Units;

namespace ToanDan.Web.Features.Scoring;

/// <summary>Finds the sheet a card is opened with: the province's latest sheet of the kind starting on or before the year, else the national default.</summary>
public sealed class ScoreSheetCatalogue(ToanDanDb db, UnitTree tree)
{
    public async Task<ScoreSheetDefinition> ForAsync(ScoreSheetKind kind, int year, string unitCode, DateOnly date, CancellationToken ct)
    {
        var province = await ProvinceOfAsync(unitCode, date, ct);
        if (province is not null)
        {
            var sheet = await db.ScoreSheets.AsNoTracking().Include(s => s.Items)
                .Where(s => s.ProvinceCode == province && s.Kind == kind && s.FromYear <= year)
                .OrderByDescending(s => s.FromYear).FirstOrDefaultAsync(ct);
            if (sheet is not null)
            {
                return sheet.ToDefinition();
            }
        }

        return NationalScoreSheets.For(kind, year);
    }

    /// <summary>The province of a unit on a date (itself when it is one).</summary>
    public async Task<string?> ProvinceOfAsync(string unitCode, DateOnly date, CancellationToken ct)
    {
        var ancestors = await tree.AncestorsAsync(unitCode, date, ct);
        if (ancestors.Count > 0)
        {
            return ancestors[0].Code;
        }

        return (await tree.FindAsync(unitCode, date, ct)) is { Level: UnitLevel.Province } self ? self.Code : null;
    }
}
