using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ToanDan.Web.Features.Audit;

/// <summary>
/// One entry of the tamper-evident audit trail. Entries form a hash chain: each stores the hash of the
/// previous one, and its own hash covers every field. Editing, removing or reordering an entry breaks
/// the chain at that point (see <see cref="AuditChain"/>).
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
    }

    /// <summary>Position in the chain: 1, 2, 3… with no gaps.</summary>
    public long Sequence { get; private set; }

    /// <summary>When it happened (UTC, truncated to milliseconds so that every database stores it exactly).</summary>
    public DateTime OccurredAtUtc { get; private set; }

    public Guid? UserId { get; private set; }

    /// <summary>Who: the account's user name, or <c>cli:…</c> / <c>system</c>.</summary>
    public string Actor { get; private set; } = "";

    /// <summary>The administrative unit the record belongs to, if any.</summary>
    public string? UnitCode { get; private set; }

    public string Module { get; private set; } = "";

    public string EntityType { get; private set; } = "";

    public string EntityId { get; private set; } = "";

    /// <summary>What was done: create, update, delete, read-sensitive, sign-in…</summary>
    public string Action { get; private set; } = "";

    /// <summary>JSON of the changed non-sensitive fields (old and new values), or a short note.</summary>
    public string? Changes { get; private set; }

    public string? ClientIp { get; private set; }

    public string PreviousHash { get; private set; } = "";

    public string Hash { get; private set; } = "";

    internal static AuditEntry Create(long sequence, string previousHash, AuditRecord record, DateTime occurredAtUtc)
    {
        var entry = new AuditEntry
        {
            Sequence = sequence,
            OccurredAtUtc = Truncate(occurredAtUtc),
            UserId = record.UserId,
            Actor = record.Actor,
            UnitCode = record.UnitCode,
            Module = record.Module,
            EntityType = record.EntityType,
            EntityId = record.EntityId,
            Action = record.Action,
            Changes = record.Changes,
            ClientIp = record.ClientIp,
            PreviousHash = previousHash,
        };
        entry.Hash = entry.ComputeHash();
        return entry;
    }

    /// <summary>The hash this entry should carry, recomputed from its fields.</summary>
    public string ComputeHash()
    {
        var canonical = string.Join('\u001F',
            Sequence.ToString(CultureInfo.InvariantCulture),
            DateTime.SpecifyKind(OccurredAtUtc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            UserId?.ToString("D") ?? "",
            Actor,
            UnitCode ?? "",
            Module,
            EntityType,
            EntityId,
            Action,
            Changes ?? "",
            ClientIp ?? "",
            PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    private static DateTime Truncate(DateTime utc) =>
        new(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
}

/// <summary>What to write into the trail; the chain fields are added by <see cref="AuditTrail"/>.</summary>
public sealed record AuditRecord(
    string Module,
    string EntityType,
    string EntityId,
    string Action,
    string? UnitCode,
    string? Changes,
    Guid? UserId,
    string Actor,
    string? ClientIp);
