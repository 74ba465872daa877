using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Units;
using ToanDan.Web.Infrastructure.Spreadsheets;
using ToanDan.Web.Infrastructure.Text;
using ToanDan.Web.Infrastructure.Time;

namespace ToanDan.Web.Features.Models.Staff;

/// <summary>
/// The list of models in the user's scope with filters. The list is read as of a date: 31 December of
/// <see cref="Query.Year"/> when a year is chosen (then only models established by then are listed and
/// <see cref="Query.BuiltOnly"/> keeps those established that year), else today. Status, points, teams and members
/// are those of that date, so the list with status "đang duy trì" and a year is exactly <c>models.maintained</c>.
/// </summary>
public static class ListModels
{
    public const int PageSize = 50;

    public sealed record Query
    {
        /// <summary>A unit: its models and those of the units below it.</summary>
        public string? Unit { get; init; }

        public string? Kind { get; init; }

        public string? Field { get; init; }

        public ModelStatus? Status { get; init; }

        public int? Year { get; init; }

        public bool BuiltOnly { get; init; }

        /// <summary>
        /// Only models owned by a unit above the communes — the chosen unit itself or a district, province between it
        /// and its communes (the overview's "Mô hình do cấp huyện, tỉnh xây dựng"); cluster membership does not count.
        /// </summary>
        public bool AboveCommunes { get; init; }

        /// <summary>Words of the name, without regard to diacritics.</summary>
        public string? Text { get; init; }

        public int Page { get; init; } = 1;
    }

    public sealed record Row(
        Guid Id, string Name, string UnitCode, string UnitName, string Kind, string Field, DateOnly EstablishedOn, ModelStatus? Status,
        bool IsCluster, int ClusterUnits, int Points, int Teams, int Members, string KindCode, string FieldCode, string? Description, DateOnly? StatusOn);

    public sealed record Listing(DateOnly AsOf, IReadOnlyList<Row> Rows, int Total, int Page, int Pages, ModelCount Count);

    public sealed class Handler(ToanDanDb db, ModelAccess access, UnitTree tree, ModelCatalogues catalogues, TimeProvider clock)
    {
        /// <summary>All matching rows (export), or one page of them.</summary>
        public async Task<Listing> HandleAsync(Query input, ClaimsPrincipal user, bool allRows, bool english, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(input);
            var today = VietnamTime.Today(clock);
            var asOf = input.Year is { } year && year < today.Year ? new DateOnly(year, 12, 31) : today;
            var query = db.MovementModels.AsNoTracking().AsSplitQuery()
                .Include(m => m.StatusChanges).Include(m => m.Points).Include(m => m.Members)
                .VisibleTo(await access.VisibleUnitsAsync(user, ModelsPermissions.View, ct))
                .Where(m => m.EstablishedOn <= asOf);
            if (!string.IsNullOrWhiteSpace(input.Unit))
            {
                var under = (await tree.EverUnderAsync(input.Unit.Trim(), ct)).ToList();
                query = query.Where(m => under.Contains(m.UnitCode) || m.Members.Any(c => under.Contains(c.UnitCode)));
            }

            if (input.AboveCommunes)
            {
                if (!string.IsNullOrWhiteSpace(input.Unit))
                {
                    var owners = (await tree.EverUnderAsync(input.Unit.Trim(), ct)).ToList();
                    query = query.Where(m => owners.Contains(m.UnitCode));
                }

                query = query.Where(m => db.AdministrativeUnits.Any(u => u.Code == m.UnitCode && u.Level != UnitLevel.Commune));
            }

            if (!string.IsNullOrWhiteSpace(input.Kind))
            {
                query = query.Where(m => m.KindCode == input.Kind);
            }

            if (!string.IsNullOrWhiteSpace(input.Field))
            {
                query = query.Where(m => m.FieldCode == input.Field);
            }

            if (input.Year is { } builtYear && input.BuiltOnly)
            {
                var start = new DateOnly(builtYear, 1, 1);
                query = query.Where(m => m.EstablishedOn >= start);
            }

            var text = VietnameseText.Fold(input.Text);
            if (text.Length > 0)
            {
                query = query.Where(m => m.SearchName.Contains(text));
            }

            var models = (await query.OrderBy(m => m.UnitCode).ThenBy(m => m.EstablishedOn).ThenBy(m => m.Name).ToListAsync(ct))
                .Where(m => input.Status is null || m.StatusAt(asOf) == input.Status)
                .ToList();
            var count = ModelRules.CountAt(models.Select(m => m.Facts()), asOf);
            var pages = Math.Max(1, (models.Count + PageSize - 1) / PageSize);
            var page = Math.Clamp(input.Page, 1, pages);
            var shown = allRows ? models : models.Skip((page - 1) * PageSize).Take(PageSize).ToList();
            var names = await ModelUnitNames.LoadPeriodsAsync(db, shown.Select(m => m.UnitCode), ct);
            var (kinds, fields) = await catalogues.BothAsync(ct);
            var rows = shown.Select(m =>
            {
                var points = m.Points.Where(p => ModelRules.IsPointActiveAt(p.Facts(), asOf)).ToList();
                var status = m.StatusAt(asOf);
                var statusOn = m.StatusChanges.Where(s => s.EffectiveOn <= asOf).OrderBy(s => s.EffectiveOn).ThenBy(s => s.Sequence).LastOrDefault()?.EffectiveOn;
                return new Row(
                    m.Id, m.Name, m.UnitCode, names.NameOn(m.UnitCode, m.EstablishedOn),
                    kinds.TryGetValue(m.KindCode, out var k) ? k.DisplayName(english) : m.KindCode,
                    fields.TryGetValue(m.FieldCode, out var f) ? f.DisplayName(english) : m.FieldCode,
                    m.EstablishedOn, status, m.IsCluster, m.Members.Count, points.Count, points.Sum(p => p.Teams), points.Sum(p => p.Members),
                    m.KindCode, m.FieldCode, m.Description, statusOn);
            }).ToList();
            return new Listing(asOf, rows, models.Count, page, pages, count);
        }

        /// <summary>The matching models as an .xlsx file in the <see cref="ModelSheet"/> layout (importable again).</summary>
        public async Task<byte[]> ExportAsync(Query input, ClaimsPrincipal user, CancellationToken ct)
        {
            var listing = await HandleAsync(input, user, allRows: true, english: false, ct);
            var ids = listing.Rows.Select(r => r.Id).ToList();
            var members = await db.ClusterMembers.AsNoTracking()
                .Where(c => ids.Contains(c.ModelId))
                .Select(c => new { c.ModelId, c.UnitCode }).ToListAsync(ct);
            var byModel = members.ToLookup(m => m.ModelId);
            var rows = listing.Rows.Select(r => (IReadOnlyList<string?>)
            [
                r.UnitCode,
                r.Name,
                r.Kind,
                r.Field,
                VietnamTime.Format(r.EstablishedOn),
                r.Status?.Vietnamese() ?? "",
                r.Status is ModelStatus.Active or null || r.StatusOn is null ? "" : VietnamTime.Format(r.StatusOn.Value),
                r.IsCluster ? "có" : "không",
                string.Join("; ", byModel[r.Id].Select(m => m.UnitCode).Order(StringComparer.Ordinal)),
                r.Points.ToString(System.Globalization.CultureInfo.InvariantCulture),
                r.Teams.ToString(System.Globalization.CultureInfo.InvariantCulture),
                r.Members.ToString(System.Globalization.CultureInfo.InvariantCulture),
                r.Description ?? "",
            ]);
            return XlsxWriter.Write("Mô hình", ModelSheet.Header, rows);
        }
    }
}
