using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Audit;

namespace ToanDan.Web.Features.Tips.Privacy;

/// <summary>
/// Key rotation (<c>tips rotate-key</c>): with a key file, adds a new random key-encryption key and makes it
/// active; with keys in configuration, uses the configured active key. Then re-wraps every tip's data key that
/// is wrapped by another key. The data itself is not re-encrypted (its data keys do not change). Old keys stay
/// in the file until the operator removes them (after a backup of the new file).
/// </summary>
public static class RotateTipKeys
{
    public sealed record Rotated(string ActiveKeyId, int Rewrapped, bool NewKey);

    public const int BatchSize = 200;

    public static async Task<Rotated> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(services);
        var ring = services.GetRequiredService<TipKeyRing>();
        var vault = services.GetRequiredService<TipVault>();
        var clock = services.GetRequiredService<TimeProvider>();
        var newKey = ring.FromFile;
        var active = newKey ? ring.AddActiveKey(clock.GetUtcNow().UtcDateTime) : ring.ActiveKeyId;
        var total = 0;
        while (true)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ToanDanDb>();
            var batch = await db.Tips.Where(t => t.KeyId != active).OrderBy(t => t.Id).Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var tip in batch)
            {
                using var key = vault.Open(tip);
                var (keyId, wrapped) = vault.Rewrap(key);
                tip.Rewrap(keyId, wrapped);
            }

            scope.ServiceProvider.GetRequiredService<AuditTrail>().Add("Tips", "KeyEncryptionKey", active, "tips.key.rewrap", null, $"{batch.Count} khóa dữ liệu");
            await db.SaveChangesAsync(ct);
            total += batch.Count;
        }

        return new Rotated(active, total, newKey);
    }
}
