using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace ToanDan.Web.Infrastructure.Spreadsheets;

/// <summary>
/// The "confirm" token of a two-step import (preview, then confirm): the checked rows, gzipped JSON, protected by
/// ASP.NET Core Data Protection (encrypted and authenticated, bound to a purpose) and stamped with the time it was
/// issued. The confirm step gets back exactly the rows the user saw, or nothing when the token is forged, altered,
/// from another purpose or older than its lifetime.
/// </summary>
/// <typeparam name="T">The rows' type (serialised with System.Text.Json).</typeparam>
public sealed class ImportConfirmToken<T>(IDataProtector protector, TimeProvider clock, TimeSpan lifetime)
    where T : class
{
    /// <summary>A token for <paramref name="content"/>, issued now.</summary>
    public string Protect(T content)
    {
        var envelope = new Envelope(clock.GetUtcNow().UtcDateTime, content);
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            JsonSerializer.Serialize(gzip, envelope);
        }

        return WebEncoders.Base64UrlEncode(protector.Protect(buffer.ToArray()));
    }

    /// <summary>The content of a valid, unexpired token; null for anything else (never throws on bad input).</summary>
    public T? Unprotect(string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return null;
        }

        try
        {
            var bytes = protector.Unprotect(WebEncoders.Base64UrlDecode(token));
            using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            var envelope = JsonSerializer.Deserialize<Envelope>(gzip);
            var age = clock.GetUtcNow().UtcDateTime - (envelope?.IssuedAtUtc ?? DateTime.MinValue);
            return age >= TimeSpan.Zero && age <= lifetime ? envelope?.Content : null;
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException or JsonException or InvalidDataException or NotSupportedException)
        {
            return null;
        }
    }

    private sealed record Envelope(DateTime IssuedAtUtc, T Content);
}
