using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Infrastructure;

namespace ToanDan.Web.Features.Units.Import;

/// <summary>
/// Imports one official file: a catalogue as of a date, or a mapping table taking effect on a date.
/// Everything happens in one transaction; a file with a bad row changes nothing.
/// </summary>
public static class ImportUnitFile
{
    /// <summary>What to import.</summary>
    /// <param name="File">The parsed file.</param>
    /// <param name="AsOf">The catalogue's date, or the mapping's effective date.</param>
    public sealed record Command(UnitFile File, DateOnly AsOf);

    /// <summary>What the import did.</summary>
    public sealed record Imported(
        UnitFileFormat Format,
        int Rows,
        bool Unchanged,
        int PeriodsAdded,
        int PeriodsChanged,
        int PeriodsRemoved,
        int LinksAdded,
        int LinksChanged);

    public sealed class Handler(ToanDanDb db, TimeProvider clock, ILogger<Handler> logger)
    {
        public async Task<Result<Imported>> HandleAsync(Command input, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(input);
            var file = input.File;
            if (file.Errors.Count > 0)
            {
                return Result<Imported>.Failure(file.Errors.Select(e => Error.Validation(e)).ToList());
            }

            var kind = file.Format == UnitFileFormat.Catalogue ? UnitCatalogueKind.Catalogue : UnitCatalogueKind.Mapping;
            var rows = kind == UnitCatalogueKind.Catalogue ? file.Units.Count : file.Mappings.Count;
            var strategy = db.Database.CreateExecutionStrategy();
            return await strategy.ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var existing = await db.UnitCatalogues
                    .SingleOrDefaultAsync(c => c.Kind == kind && c.AsOf == input.AsOf && c.SourceName == file.SourceName, ct);
                if (existing is not null && existing.Sha256 == file.Sha256)
                {
                    UnitsLog.ImportUnchanged(logger, file.SourceName, input.AsOf);
                    return Result<Imported>.Success(new Imported(file.Format, rows, true, 0, 0, 0, 0, 0));
                }

                var now = clock.GetUtcNow().UtcDateTime;
                Imported result;
                if (kind == UnitCatalogueKind.Catalogue)
                {
                    if (await db.UnitCatalogues.AnyAsync(c => c.Kind == kind && c.AsOf == input.AsOf && c.SourceName != file.SourceName, ct))
                    {
                        return Error.Conflict($"Đã có một danh mục khác với ngày hiệu lực {input.AsOf:dd/MM/yyyy}; mỗi ngày chỉ có một danh mục.");
                    }

                    var catalogue = await SaveCatalogueAsync(existing, file, input.AsOf, now, ct);
                    var (added, changed, removed) = await RecomputePeriodsAsync(ct);
                    result = new Imported(file.Format, rows, false, added, changed, removed, 0, 0);
                    UnitsLog.CatalogueImported(logger, file.SourceName, input.AsOf, catalogue.RowCount, added, changed, removed);
                }
                else
                {
                    if (existing is null)
                    {
                        db.UnitCatalogues.Add(UnitCatalogue.Create(kind, input.AsOf, file.SourceName, file.Sha256, rows, now));
                    }
                    else
                    {
                        existing.Replace(file.SourceName, file.Sha256, rows, now);
                    }

                    var (added, changed) = await UpsertLinksAsync(file, input.AsOf, ct);
                    result = new Imported(file.Format, rows, false, 0, 0, 0, added, changed);
                    UnitsLog.MappingImported(logger, file.SourceName, input.AsOf, rows, added, changed);
                }

                // The import itself is a staff action: one audit entry per file, in the same transaction.
                if (db.Audit is { } audit)
                {
                    audit.Add("Units", nameof(UnitCatalogue), file.Sha256[..16], Audit.AuditActions.Import, null,
                        $"{file.SourceName} ({input.AsOf:yyyy-MM-dd}): {rows} dòng; thời kỳ +{result.PeriodsAdded} ~{result.PeriodsChanged} -{result.PeriodsRemoved}; liên kết +{result.LinksAdded} ~{result.LinksChanged}");
                    await db.SaveChangesAsync(ct);
                }

                await transaction.CommitAsync(ct);
                return Result<Imported>.Success(result);
            });
        }

        private async Task<UnitCatalogue> SaveCatalogueAsync(UnitCatalogue? existing, UnitFile file, DateOnly asOf, DateTime now, CancellationToken ct)
        {
            if (existing is not null)
            {
                await db.UnitCatalogueEntries.Where(e => e.CatalogueId == existing.Id).ExecuteDeleteAsync(ct);
                existing.Replace(file.SourceName, file.Sha256, file.Units.Count, now);
            }

            var catalogue = existing ?? UnitCatalogue.Create(UnitCatalogueKind.Catalogue, asOf, file.SourceName, file.Sha256, file.Units.Count, now);
            if (existing is null)
            {
                db.UnitCatalogues.Add(catalogue);
            }

            db.UnitCatalogueEntries.AddRange(file.Units.Select(u => UnitCatalogueEntry.Create(catalogue.Id, u)));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            return catalogue;
        }

        private async Task<(int Added, int Changed, int Removed)> RecomputePeriodsAsync(CancellationToken ct)
        {
            var entries = await db.UnitCatalogueEntries.AsNoTracking()
                .Join(db.UnitCatalogues, e => e.CatalogueId, c => c.Id, (e, c) => new { c.AsOf, e.Code, e.Name, e.Level, e.Kind, e.ParentCode })
                .ToListAsync(ct);
            var snapshots = entries
                .GroupBy(e => e.AsOf)
                .Select(g => new CatalogueSnapshot(g.Key, g.Select(e => new UnitState(e.Code, e.Name, e.Level, e.Kind, e.ParentCode)).ToList()));
            var computed = UnitPeriodBuilder.Build(snapshots);

            var stored = await db.AdministrativeUnits.ToListAsync(ct);
            var byKey = stored.ToDictionary(u => (u.Code, u.ValidFrom));
            int added = 0, changed = 0;
            foreach (var period in computed)
            {
                if (byKey.Remove((period.State.Code, period.From), out var unit))
                {
                    if (unit.Reconcile(period.State, period.To))
                    {
                        changed++;
                    }
                }
                else
                {
                    db.AdministrativeUnits.Add(AdministrativeUnit.Create(period.State, period.From, period.To));
                    added++;
                }
            }

            db.AdministrativeUnits.RemoveRange(byKey.Values);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            return (added, changed, byKey.Count);
        }

        private async Task<(int Added, int Changed)> UpsertLinksAsync(UnitFile file, DateOnly effectiveOn, CancellationToken ct)
        {
            var stored = await db.UnitSuccessions.Where(s => s.EffectiveOn == effectiveOn).ToListAsync(ct);
            var byPair = stored.ToDictionary(s => (s.PredecessorCode, s.SuccessorCode));
            int added = 0, changed = 0;
            foreach (var row in file.Mappings)
            {
                if (byPair.TryGetValue((row.OldCode, row.NewCode), out var link))
                {
                    // A one-successor table (old_code,new_code) knows less than the detail table:
                    // it never overwrites what a richer file said about the same pair.
                    if (file.Format != UnitFileFormat.SimpleMapping && link.Update(row.Share, row.IsPrimary, row.PrimaryBasis, row.Note))
                    {
                        changed++;
                    }
                }
                else
                {
                    var added1 = UnitSuccession.Create(row.OldCode, row.NewCode, effectiveOn, row.Share, row.IsPrimary, row.PrimaryBasis, row.Note);
                    db.UnitSuccessions.Add(added1);
                    byPair[(row.OldCode, row.NewCode)] = added1;
                    added++;
                }
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            return (added, changed);
        }
    }
}
