using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Features.News;
using ToanDan.Web.Infrastructure.Time;

namespace ToanDan.Web.Features.Portal.Caching;

/// <summary>
/// The state behind the portal's output cache: one tag (<see cref="Tag"/>) on every cached public page and feed,
/// evicted whenever public content changes (<see cref="PortalCacheInvalidator"/>) and at the next moment the pages
/// change by themselves (<see cref="NextBoundaryUtc"/>): the next scheduled publication, or midnight in Vietnam
/// (the home page shows today's date; the TTHC box shows the current period). Both moments come from the injected
/// <see cref="TimeProvider"/>, so a scheduled article appears on time whatever was cached before.
/// </summary>
public sealed class PortalCache(IOutputCacheStore store, TimeProvider clock, IConfiguration configuration, ILogger<PortalCache> logger)
{
    /// <summary>The output-cache tag of every public page and feed.</summary>
    public const string Tag = "portal";

    /// <summary>How long an entry may live at most when nothing evicts it (other web nodes' changes): <c>Portal:Cache:MaxMinutes</c>, default 10.</summary>
    public TimeSpan MaxLifetime { get; } = TimeSpan.FromMinutes(Math.Clamp(configuration.GetValue("Portal:Cache:MaxMinutes", 10), 0, 24 * 60));

    /// <summary>False when <c>Portal:Cache:Enabled</c> is false (pages are then rendered for every request).</summary>
    public bool Enabled { get; } = configuration.GetValue("Portal:Cache:Enabled", true);

    private readonly Lock _gate = new();
    private long _generation;
    private long _boundaryTicks;

    /// <summary>Increases at every eviction: a page rendered across an eviction is not stored (it may show old data).</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>When the cached pages expire by themselves; null until the first cached request computes it.</summary>
    public DateTime? NextBoundaryUtc
    {
        get
        {
            var ticks = Interlocked.Read(ref _boundaryTicks);
            return ticks == 0 ? null : new DateTime(ticks, DateTimeKind.Utc);
        }
    }

    /// <summary>Removes every cached public page and feed on this node.</summary>
    public async ValueTask EvictAsync(CancellationToken ct)
    {
        lock (_gate)
        {
            _generation++;
            _boundaryTicks = 0;
        }

        await store.EvictByTagAsync(Tag, ct);
        PortalCacheLog.Evicted(logger);
    }

    /// <summary>
    /// Called for every cacheable request: evicts the cache when its boundary has passed and returns how long a
    /// page rendered now may be kept.
    /// </summary>
    internal async ValueTask<TimeSpan> PrepareAsync(IServiceProvider services, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var boundary = Interlocked.Read(ref _boundaryTicks);
        if (boundary != 0 && now.Ticks >= boundary)
        {
            await EvictAsync(ct);
            boundary = 0;
        }

        if (boundary == 0)
        {
            var generation = Generation;
            boundary = (await ComputeBoundaryAsync(services, now, ct)).Ticks;
            lock (_gate)
            {
                if (generation == _generation)
                {
                    _boundaryTicks = boundary;
                }
            }
        }

        var untilBoundary = TimeSpan.FromTicks(boundary - now.Ticks);
        return untilBoundary < MaxLifetime ? untilBoundary : MaxLifetime;
    }

    private static async Task<DateTime> ComputeBoundaryAsync(IServiceProvider services, DateTime nowUtc, CancellationToken ct)
    {
        var midnight = VietnamTime.ToVietnam(nowUtc).Date.AddDays(1) - VietnamTime.Offset;
        var db = services.GetRequiredService<ToanDanDb>();
        var next = await db.Articles.AsNoTracking()
            .Where(a => a.Status == ArticleStatus.Scheduled && a.PublishAtUtc > nowUtc)
            .MinAsync(a => a.PublishAtUtc, ct);
        var boundary = DateTime.SpecifyKind(midnight, DateTimeKind.Utc);
        return next is { } at && at < boundary ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : boundary;
    }
}

/// <summary>Log messages of the portal cache (no content, only events).</summary>
internal static partial class PortalCacheLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Debug, Message = "Portal output cache evicted")]
    public static partial void Evicted(ILogger logger);
}
