using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using ToanDan.Web.Data;

namespace ToanDan.Web.Features.Audit;

/// <summary>
/// Appends to the hash-chained audit trail in the same transaction as the change it records.
/// <see cref="ToanDanDb"/> routes every SaveChanges through <see cref="SaveAsync"/>, so no module can
/// forget to audit a write of an <see cref="IAudited"/> entity. Events that are not entity writes (a sign-in,
/// a read of sensitive data) are added with <c>Add</c> and written by the next save. The one writer that inserts rows
/// without the change tracker (the tip intake's group commit, docs/adr/0005) queues their entries with
/// <see cref="Created"/> and saves through the same path.
/// </summary>
public sealed class AuditTrail(IAuditActor actor, TimeProvider clock)
{
    // One process appends at a time on SQLite (a single-node engine); SQLite's IMMEDIATE transactions and
    // the primary key on the sequence keep other processes (the CLI) from forking the chain.
    private static readonly SemaphoreSlim SqliteChain = new(1, 1);

    // Any fixed number: the PostgreSQL advisory lock that serialises appends across web nodes.
    internal const long PostgreSqlChainLock = 0x70A4_DA11;

    private static readonly HashSet<string> AlwaysSensitive = new(StringComparer.Ordinal) { "PasswordHash", "SecurityStamp", "ConcurrencyStamp" };

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    // [Sensitive] per property, read once: reflection on every audited save showed in the tips benchmark.
    private static readonly ConcurrentDictionary<PropertyInfo, bool> Sensitive = new();

    /// <summary>Longest diff stored (the column's length).</summary>
    public const int MaxChanges = 8000;

    // Compiled once per model (one per provider; the tests run both in one process): every audited save reads the head of the chain.
    private static readonly ConditionalWeakTable<IModel, Func<ToanDanDb, CancellationToken, Task<Head?>>> ChainHeads = new();

    private readonly List<AuditRecord> _pending = [];

    /// <summary>
    /// Leave the client address out of every entry of this unit of work, even for a signed-in actor: set by
    /// citizens' pages (crime tips) whose events must never carry an address.
    /// </summary>
    public bool WithoutClientAddress { get; set; }

    private string? ClientIp => WithoutClientAddress ? null : actor.ClientIp;

    /// <summary>Queues an event by the current actor for the next save of the context (in the same transaction).</summary>
    public void Add(string module, string entityType, string entityId, string action, string? unitCode, string? note = null) =>
        _pending.Add(new AuditRecord(module, entityType, entityId, action, unitCode, note, actor.UserId, actor.Name, ClientIp));

    /// <summary>Queues an event by a named actor, e.g. a user who is signing in and not yet signed in.</summary>
    public void Add(AuditRecord record) => _pending.Add(record);

    /// <summary>
    /// The entry of <paramref name="entity"/> inserted by <paramref name="who"/> without the change tracker (a writer
    /// that inserts rows itself, see <see cref="ToanDanDb.SaveChangesAsync(Func{System.Data.Common.DbTransaction, CancellationToken, Task}, bool, CancellationToken)"/>):
    /// the same changes as the automatic entry of an added entity. Queue it with <see cref="Add(AuditRecord)"/>.
    /// </summary>
    public static AuditRecord Created(IEntityType type, IAudited entity, AuditActorSnapshot who)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(who);
        var changes = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in type.GetProperties())
        {
            if (property.IsPrimaryKey() || property.IsShadowProperty())
            {
                continue;
            }

            if (property.GetGetter().GetClrValue(entity) is { } value)
            {
                changes[property.Name] = IsSensitive(property) ? "***" : Format(value);
            }
        }

        return new AuditRecord(entity.AuditModule, type.ClrType.Name, entity.AuditId, AuditActions.Create, entity.AuditUnitCode, Serialize(changes), who.UserId, who.Name, who.ClientIp);
    }

    /// <summary>Writes the queued events and the audit entries of every audited change, then the changes themselves.</summary>
    internal async Task<int> SaveAsync(ToanDanDb db, Func<CancellationToken, Task<int>> save, CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        var records = Capture(db.ChangeTracker);
        records.InsertRange(0, _pending);
        _pending.Clear();
        if (records.Count == 0)
        {
            return await save(ct);
        }

        var sqlite = db.Provider == DatabaseProvider.Sqlite;
        if (sqlite)
        {
            await SqliteChain.WaitAsync(ct);
        }

        try
        {
            var owned = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
            await using (owned)
            {
                if (!sqlite)
                {
                    await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({PostgreSqlChainLock})", ct);
                }

                var head = ChainHeads.GetValue(db.Model, static _ => EF.CompileAsyncQuery(
                    (ToanDanDb context, CancellationToken _) => context.AuditEntries.OrderByDescending(e => e.Sequence).Select(e => new Head(e.Sequence, e.Hash)).FirstOrDefault()));
                var last = await head(db, ct);
                var sequence = last?.Sequence ?? 0;
                var previous = last?.Hash ?? "";
                var now = clock.GetUtcNow().UtcDateTime;
                foreach (var record in records)
                {
                    var entry = AuditEntry.Create(++sequence, previous, record, now);
                    db.AuditEntries.Add(entry);
                    previous = entry.Hash;
                }

                var written = await save(ct);
                if (owned is not null)
                {
                    await owned.CommitAsync(ct);
                }

                return written;
            }
        }
        finally
        {
            if (sqlite)
            {
                SqliteChain.Release();
            }
        }
    }

    private sealed record Head(long Sequence, string Hash);

    private List<AuditRecord> Capture(ChangeTracker tracker)
    {
        var records = new List<AuditRecord>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.Entity is not IAudited audited || entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            var action = entry.State switch
            {
                EntityState.Added => AuditActions.Create,
                EntityState.Deleted => AuditActions.Delete,
                _ => AuditActions.Update,
            };
            var changes = Diff(entry);
            if (entry.State == EntityState.Modified && changes.Count == 0)
            {
                continue;
            }

            records.Add(new AuditRecord(
                audited.AuditModule,
                entry.Metadata.ClrType.Name,
                audited.AuditId,
                action,
                audited.AuditUnitCode,
                Serialize(changes),
                actor.UserId,
                actor.Name,
                ClientIp));
        }

        return records;
    }

    private static SortedDictionary<string, object?> Diff(EntityEntry entry)
    {
        var changes = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in entry.Properties)
        {
            var meta = property.Metadata;
            if (meta.IsPrimaryKey() || meta.IsShadowProperty())
            {
                continue;
            }

            var sensitive = IsSensitive(meta);
            switch (entry.State)
            {
                case EntityState.Added when property.CurrentValue is not null:
                    changes[meta.Name] = sensitive ? "***" : Format(property.CurrentValue);
                    break;
                case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                    changes[meta.Name] = sensitive ? "***" : new[] { Format(property.OriginalValue), Format(property.CurrentValue) };
                    break;
                case EntityState.Deleted when property.OriginalValue is not null:
                    changes[meta.Name] = sensitive ? "***" : Format(property.OriginalValue);
                    break;
            }
        }

        return changes;
    }

    private static bool IsSensitive(IReadOnlyProperty property) =>
        AlwaysSensitive.Contains(property.Name) || (property.PropertyInfo is { } info && Sensitive.GetOrAdd(info, static p => p.GetCustomAttribute<SensitiveAttribute>() is not null));

    private static string Serialize(SortedDictionary<string, object?> changes)
    {
        var json = JsonSerializer.Serialize(changes, Json);

        // Long texts (article bodies) are summarised: the trail records that they changed, not all of them.
        return json.Length > MaxChanges ? json[..(MaxChanges - 20)] + "…(đã rút gọn)" : json;
    }

    private static object? Format(object? value) => value switch
    {
        null => null,
        Enum e => e.ToString(),
        DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        DateTime t => t.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        _ => value,
    };
}

/// <summary>Who acted, as recorded in an entry: kept after the request that acted has ended.</summary>
public sealed record AuditActorSnapshot(Guid? UserId, string Name, string? ClientIp);

/// <summary>Who is acting: the signed-in staff member, or the command line, or the system.</summary>
public interface IAuditActor
{
    Guid? UserId { get; }

    string Name { get; }

    /// <summary>The client's address for staff actions; never recorded for anonymous citizens.</summary>
    string? ClientIp { get; }
}
