using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using ToanDan.Web.Data;

namespace ToanDan.Web.Features.Portal;

/// <summary>
/// The portal settings as every public page reads them, cached in memory (<see cref="IMemoryCache"/>) for
/// <see cref="Lifetime"/> and removed from the cache whenever they are saved on this node. With several web
/// nodes, another node sees a change within <see cref="Lifetime"/>.
/// </summary>
public sealed class PortalSettingsQuery(ToanDanDb db, IMemoryCache cache)
{
    /// <summary>How long other nodes may show the previous settings.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private const string CacheKey = "ToanDan.Portal.Settings";

    /// <summary>The settings, or null when none were saved yet (the layout then shows the generic ToanDan footer).</summary>
    public async Task<PortalSettingsDetails?> GetAsync(CancellationToken ct)
    {
        if (cache.TryGetValue(CacheKey, out Holder? holder) && holder is not null)
        {
            return holder.Settings;
        }

        var settings = await db.PortalSettings.AsNoTracking().Include(s => s.Contacts).SingleOrDefaultAsync(s => s.Id == PortalSettings.SingletonId, ct);
        var details = settings?.ToDetails();
        cache.Set(CacheKey, new Holder(details), Lifetime);
        return details;
    }

    /// <summary>Forgets the cached settings; called after every save.</summary>
    public void Invalidate() => cache.Remove(CacheKey);

    /// <summary>Lets "no settings" be cached too.</summary>
    private sealed record Holder(PortalSettingsDetails? Settings);
}
