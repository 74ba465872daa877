using System.Security.Cryptography;

namespace ToanDan.Web.Features.Safety;

/// <summary>Configuration of dossier files (section <c>Safety</c>).</summary>
public sealed class SafetyFileOptions
{
    /// <summary>Folder for dossier files; relative paths are resolved against the content root. Default <c>data/safety-files</c>.</summary>
    public string FilesFolder { get; set; } = Path.Combine("data", "safety-files");

    /// <summary>Largest file accepted, in bytes. Default 10 MB.</summary>
    public long MaxFileBytes { get; set; } = 10 * 1024 * 1024;
}

/// <summary>
/// Stores dossier files outside the web root under a name made of the record file's id, after checking the size
/// and that the bytes really are one of the accepted types (PDF, Word, Excel, JPEG, PNG) — the extension alone is
/// not trusted.
/// </summary>
public sealed class SafetyFileStore(Microsoft.Extensions.Options.IOptions<SafetyFileOptions> options, IHostEnvironment environment)
{
    private static readonly IReadOnlyDictionary<string, (string ContentType, byte[] Magic)> Types = new Dictionary<string, (string, byte[])>(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ("application/pdf", "%PDF"u8.ToArray()),
        [".docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", [0x50, 0x4B, 0x03, 0x04]),
        [".xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [0x50, 0x4B, 0x03, 0x04]),
        [".jpg"] = ("image/jpeg", [0xFF, 0xD8, 0xFF]),
        [".jpeg"] = ("image/jpeg", [0xFF, 0xD8, 0xFF]),
        [".png"] = ("image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
    };

    /// <summary>The accepted extensions, for the form's accept attribute.</summary>
    public static string Accept => string.Join(",", Types.Keys);

    public long MaxBytes => options.Value.MaxFileBytes;

    /// <summary>The folder files are stored in.</summary>
    public string Folder => Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.FilesFolder));

    /// <summary>Checks a file: null with its extension and content type when accepted, otherwise the Vietnamese reason.</summary>
    public (string? Extension, string? ContentType, string? Error) Check(string fileName, ReadOnlySpan<byte> content)
    {
        var extension = Path.GetExtension(fileName ?? "");
        if (content.Length == 0)
        {
            return (null, null, "Tệp rỗng.");
        }

        if (content.Length > MaxBytes)
        {
            return (null, null, $"Tệp lớn quá {MaxBytes / (1024 * 1024)} MB.");
        }

        if (!Types.TryGetValue(extension, out var type))
        {
            return (null, null, "Chỉ nhận tệp PDF, Word (.docx), Excel (.xlsx), ảnh JPEG hoặc PNG.");
        }

        return content.StartsWith(type.Magic)
            ? (extension.ToLowerInvariant(), type.ContentType, null)
            : (null, null, $"Nội dung tệp không phải là {extension.TrimStart('.').ToUpperInvariant()} như phần mở rộng của nó.");
    }

    /// <summary>SHA-256 of the content, hexadecimal.</summary>
    public static string Hash(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>Writes the file (flushed to disk) under <paramref name="storedName"/>.</summary>
    public async Task SaveAsync(string storedName, ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        Directory.CreateDirectory(Folder);
        var path = PathOf(storedName);
        await using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.WriteThrough);
        await stream.WriteAsync(content, ct);
        await stream.FlushAsync(ct);
    }

    /// <summary>Removes a stored file (used when the database save fails).</summary>
    public void Delete(string storedName)
    {
        var path = PathOf(storedName);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    /// <summary>Opens a stored file for reading, or null when it is missing.</summary>
    public Stream? Open(string storedName)
    {
        var path = PathOf(storedName);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read) : null;
    }

    private string PathOf(string storedName)
    {
        // Stored names are generated (id + extension); refuse anything else defensively.
        if (storedName.Contains('/', StringComparison.Ordinal) || storedName.Contains('\\', StringComparison.Ordinal) || storedName.Contains("..", StringComparison.Ordinal))
        {
            throw new ArgumentException("Invalid stored name.", nameof(storedName));
        }

        return Path.Combine(Folder, storedName);
    }
}
