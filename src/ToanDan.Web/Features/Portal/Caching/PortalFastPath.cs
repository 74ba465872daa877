using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace ToanDan.Web.Features.Portal.Caching;

/// <summary>Settings of <see cref="PortalFastPath"/>.</summary>
public sealed class PortalFastPathOptions
{
    /// <summary>False turns the fast path off (<c>Portal:Cache:FastPath</c>); the output cache still works.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Bytes kept at most (<c>Portal:Cache:FastPathMegabytes</c>, default 32 MB); beyond it new pages are not kept.</summary>
    public long MaxBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>
    /// Request headers that may carry an identity: a request with any of them never takes the fast path. Cookie
    /// and Authorization cover every sign-in scheme of ToanDan; another scheme must add its header here.
    /// </summary>
    public ISet<string> IdentityHeaders { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { HeaderNames.Cookie, HeaderNames.Authorization };
}

/// <summary>
/// The front door of the portal's cache. A cookie-less, credential-less GET of a public page that the output cache
/// has already stored for this node's current generation is answered here, first in the pipeline, from the exact
/// bytes and headers the full pipeline produced (security headers, ETag, compression included) — without routing,
/// authentication, localization or the output cache's key and entry work. Everything else (signed-in users,
/// visitors with a language cookie, staff pages, POSTs, misses) goes through the whole pipeline unchanged.
/// <para>
/// Correctness rests on <see cref="PortalCache"/>: an entry is kept only when the pipeline marked the response
/// storable (<see cref="PortalPageAttribute"/>: 200, no cookie set, not signed in, rendered within one generation),
/// it is keyed by scheme, host, path, query and Accept-Encoding (the language comes from the query or a cookie, and
/// cookies never come here), and it is dropped at every eviction (generation change), at the cache's time boundary
/// (next scheduled publication or Vietnam midnight) and after <c>Portal:Cache:MaxMinutes</c>. Memory is capped.
/// </para>
/// </summary>
public sealed class PortalFastPath(PortalCache cache, TimeProvider clock, IOptions<PortalFastPathOptions> options)
{
    internal const string StorableItem = "ToanDan.PortalFastPath.Storable";
    internal const string WatchItem = "ToanDan.PortalFastPath.Watch";

    private readonly PortalFastPathOptions _options = options.Value;
    private readonly Lock _gate = new();
    private Store _store = new(-1);
    private long _hits;

    /// <summary>Requests answered here since start (for tests and diagnostics).</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>
    /// Marks the request as a portal page the output cache handles: only then does the fast path copy what is written
    /// (static files, images and other endpoints pass through without a copy).
    /// </summary>
    internal static void Watch(HttpContext context) => context.Items[WatchItem] = true;

    /// <summary>Marks the current response as one the fast path may keep (called by the output-cache policy).</summary>
    internal static void MarkStorable(HttpContext context, long generation, TimeSpan lifetime) =>
        context.Items[StorableItem] = new Storable(generation, lifetime);

    /// <summary>The middleware.</summary>
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (!IsCandidate(context))
        {
            await next(context);
            return;
        }

        var key = Key(context.Request);
        var now = clock.GetUtcNow().UtcDateTime;
        var store = Current();
        if (store.Entries.TryGetValue(key, out var entry) && entry.ExpiresUtc > now && cache.NextBoundaryUtc is { } boundary && boundary > now)
        {
            Interlocked.Increment(ref _hits);
            await ServeAsync(context, entry, now);
            return;
        }

        await CaptureAsync(context, next, key, store);
    }

    private bool IsCandidate(HttpContext context)
    {
        var request = context.Request;
        if (!_options.Enabled || !cache.Enabled || !HttpMethods.IsGet(request.Method)
            || request.Path.StartsWithSegments("/staff", StringComparison.OrdinalIgnoreCase)
            || request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        foreach (var header in _options.IdentityHeaders)
        {
            if (request.Headers.ContainsKey(header))
            {
                return false;
            }
        }

        return true;
    }

    private static string Key(HttpRequest request) =>
        string.Concat(request.Scheme, "|", request.Host.Value, "|", request.PathBase.Value, request.Path.Value, "|",
            request.QueryString.Value, "|", request.Headers.AcceptEncoding.ToString());

    /// <summary>The entries of the current generation; a new generation starts empty.</summary>
    private Store Current()
    {
        var generation = cache.Generation;
        var store = Volatile.Read(ref _store);
        if (store.Generation == generation)
        {
            return store;
        }

        lock (_gate)
        {
            if (_store.Generation != generation)
            {
                _store = new Store(generation);
            }

            return _store;
        }
    }

    private static async Task ServeAsync(HttpContext context, Entry entry, DateTime now)
    {
        var response = context.Response;
        foreach (var (name, value) in entry.Headers)
        {
            response.Headers[name] = value;
        }

        response.Headers.Age = Math.Max(0, (long)(now - entry.StoredUtc).TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (entry.ETag is { } etag && PortalResponses.Matches(context.Request, etag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            response.Headers.ContentLength = null;
            response.Headers.ContentEncoding = StringValues.Empty;
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentLength = entry.Body.Length;
        await response.Body.WriteAsync(entry.Body, context.RequestAborted);
    }

    /// <summary>Runs the pipeline, copying what it writes; keeps the response when the pipeline marked it storable.</summary>
    private async Task CaptureAsync(HttpContext context, RequestDelegate next, string key, Store store)
    {
        var response = context.Response;
        var original = response.Body;
        await using var tee = new TeeStream(original, limit: (int)Math.Min(_options.MaxBytes, 8 * 1024 * 1024), keep: () => context.Items.ContainsKey(WatchItem));
        response.Body = tee;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = original;
        }

        if (context.Items[StorableItem] is not Storable storable
            || storable.Generation != store.Generation
            || response.StatusCode != StatusCodes.Status200OK
            || tee.Overflowed
            || !StringValues.IsNullOrEmpty(response.Headers.SetCookie)
            || context.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        var body = tee.Captured();
        if (response.ContentLength is { } length && length != body.Length)
        {
            return;
        }

        var headers = new List<KeyValuePair<string, StringValues>>();
        EntityTagHeaderValue? etag = null;
        foreach (var (name, value) in response.Headers)
        {
            if (name.Equals(HeaderNames.Date, StringComparison.OrdinalIgnoreCase)
                || name.Equals(HeaderNames.Age, StringComparison.OrdinalIgnoreCase)
                || name.Equals(HeaderNames.ContentLength, StringComparison.OrdinalIgnoreCase)
                || name.Equals(HeaderNames.TransferEncoding, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (name.Equals(HeaderNames.ETag, StringComparison.OrdinalIgnoreCase))
            {
                _ = EntityTagHeaderValue.TryParse(value.ToString(), out etag);
            }

            headers.Add(new(name, value));
        }

        // An output-cache hit carries its entry's age: the copy lives no longer than that entry would.
        var lifetime = storable.Lifetime;
        if (response.Headers.Age.Count > 0 && long.TryParse(response.Headers.Age.ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var age))
        {
            lifetime -= TimeSpan.FromSeconds(age);
        }

        if (lifetime <= TimeSpan.Zero)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        store.TryAdd(key, new Entry(body, headers, etag, now, now + lifetime), _options.MaxBytes);
    }

    internal sealed record Storable(long Generation, TimeSpan Lifetime);

    private sealed record Entry(byte[] Body, IReadOnlyList<KeyValuePair<string, StringValues>> Headers, EntityTagHeaderValue? ETag, DateTime StoredUtc, DateTime ExpiresUtc)
    {
        public long Size => Body.Length + 512;
    }

    private sealed class Store(long generation)
    {
        private long _bytes;

        public long Generation { get; } = generation;

        public ConcurrentDictionary<string, Entry> Entries { get; } = new(StringComparer.Ordinal);

        public void TryAdd(string key, Entry entry, long maxBytes)
        {
            if (Interlocked.Add(ref _bytes, entry.Size) > maxBytes)
            {
                Interlocked.Add(ref _bytes, -entry.Size);
                return;
            }

            if (Entries.TryGetValue(key, out var old))
            {
                Entries[key] = entry;
                Interlocked.Add(ref _bytes, -old.Size);
            }
            else if (!Entries.TryAdd(key, entry))
            {
                Interlocked.Add(ref _bytes, -entry.Size);
            }
        }
    }

    /// <summary>Writes through to the response and keeps a copy up to a limit.</summary>
    private sealed class TeeStream(Stream inner, int limit, Func<bool> keep) : Stream
    {
        private readonly MemoryStream _copy = new();
        private bool? _keeping;

        /// <summary>True when the copy is incomplete: over the limit, or not kept at all.</summary>
        public bool Overflowed => _overflowed || _keeping != true;

        private bool _overflowed;

        public byte[] Captured() => _copy.ToArray();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            Keep(buffer.AsSpan(offset, count));
            inner.Write(buffer, offset, count);
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Keep(buffer.Span);
            await inner.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private void Keep(ReadOnlySpan<byte> data)
        {
            // Decided at the first write: by then the output-cache policy has seen the request.
            _keeping ??= keep();
            if (Overflowed || _keeping == false)
            {
                return;
            }

            if (_copy.Length + data.Length > limit)
            {
                _overflowed = true;
                _copy.SetLength(0);
                return;
            }

            _copy.Write(data);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _copy.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}

/// <summary>Registration of the fast path.</summary>
public static class PortalFastPathSetup
{
    /// <summary>First in the pipeline: answers what it holds, passes the rest on.</summary>
    public static IApplicationBuilder UsePortalFastPath(this IApplicationBuilder app)
    {
        var fastPath = app.ApplicationServices.GetRequiredService<PortalFastPath>();
        return app.Use(next => context => fastPath.InvokeAsync(context, next));
    }

    internal static IServiceCollection AddPortalFastPath(this IServiceCollection services)
    {
        services.AddSingleton<PortalFastPath>();
        services.AddOptions<PortalFastPathOptions>().Configure<IConfiguration>((o, configuration) =>
        {
            o.Enabled = configuration.GetValue("Portal:Cache:FastPath", true);
            o.MaxBytes = Math.Clamp(configuration.GetValue("Portal:Cache:FastPathMegabytes", 32), 0, 1024) * 1024L * 1024;
        });
        return services;
    }
}
