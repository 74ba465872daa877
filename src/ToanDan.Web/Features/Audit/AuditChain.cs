using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;

namespace ToanDan.Web.Features.Audit;

/// <summary>Checks the hash chain of the audit trail and names the first entry that breaks it.</summary>
public static class AuditChain
{
    /// <summary>The outcome: how many entries were checked, the head of the chain, and the first problem.</summary>
    public sealed record Verification(long Checked, long? HeadSequence, string? HeadHash, long? FirstBadSequence, string? Problem)
    {
        public bool IsIntact => Problem is null;
    }

    /// <summary>
    /// Walks the chain in sequence order. An edited entry no longer matches its hash; a removed entry leaves
    /// a gap in the sequence; a reordered or replaced entry no longer links to its predecessor's hash.
    /// Removal of the newest entries can only be seen against a head recorded elsewhere: the result gives
    /// the head so operators can keep it.
    /// </summary>
    public static async Task<Verification> VerifyAsync(ToanDanDb db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        long expected = 1;
        var previous = "";
        long checkedCount = 0;
        AuditEntry? last = null;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (entry.Sequence != expected)
            {
                return new Verification(checkedCount, last?.Sequence, last?.Hash, expected,
                    $"Thiếu mục số {expected}: sau mục {expected - 1} là mục {entry.Sequence} (mục đã bị xóa hoặc đánh số lại).");
            }

            if (!string.Equals(entry.PreviousHash, previous, StringComparison.Ordinal))
            {
                return new Verification(checkedCount, last?.Sequence, last?.Hash, entry.Sequence,
                    $"Mục số {entry.Sequence} không nối với mục trước (thứ tự bị đảo hoặc mục trước đã bị thay).");
            }

            if (!string.Equals(entry.ComputeHash(), entry.Hash, StringComparison.Ordinal))
            {
                return new Verification(checkedCount, last?.Sequence, last?.Hash, entry.Sequence,
                    $"Mục số {entry.Sequence} đã bị sửa: nội dung không khớp mã băm.");
            }

            previous = entry.Hash;
            last = entry;
            expected++;
            checkedCount++;
        }

        return new Verification(checkedCount, last?.Sequence, last?.Hash, null, null);
    }
}
