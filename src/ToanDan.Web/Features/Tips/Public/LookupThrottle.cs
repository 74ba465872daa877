using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;

namespace ToanDan.Web.Features.Tips.Public;

/// <summary>
/// Counts wrong receipt codes per client address, in memory only (never stored, gone at restart): after
/// <see cref="TipsOptions.LookupFailuresAllowed"/> wrong codes in <see cref="TipsOptions.LookupWindowMinutes"/>
/// the address gets the same generic answer and 429 until the window ends. With 10^16 codes and this limit, guessing
/// a valid code is hopeless.
/// </summary>
public sealed class LookupThrottle(IOptions<TipsOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    private sealed record Window(DateTime StartUtc, int Failures);

    public bool IsBlocked(IPAddress? address)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return _windows.TryGetValue(Key(address), out var window)
            && now - window.StartUtc < Length
            && window.Failures >= options.Value.LookupFailuresAllowed;
    }

    public void Fail(IPAddress? address)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (_windows.Count > 100_000)
        {
            foreach (var old in _windows.Where(w => now - w.Value.StartUtc >= Length).Select(w => w.Key).ToList())
            {
                _windows.TryRemove(old, out _);
            }
        }

        _windows.AddOrUpdate(Key(address), _ => new Window(now, 1),
            (_, w) => now - w.StartUtc >= Length ? new Window(now, 1) : w with { Failures = w.Failures + 1 });
    }

    private TimeSpan Length => TimeSpan.FromMinutes(options.Value.LookupWindowMinutes);

    private static string Key(IPAddress? address) => (address ?? IPAddress.None).ToString();
}
