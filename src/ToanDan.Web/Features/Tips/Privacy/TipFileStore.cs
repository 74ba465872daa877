using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using ToanDan.Web.Infrastructure.Files;

namespace ToanDan.Web.Features.Tips.Privacy;

/// <summary>
/// Encrypted attachment files outside the web root: <c>{FilesFolder}/{tip}/{file}.original</c> and
/// <c>.view</c>. Files are written and flushed to disk (fsync) before the database commit that acknowledges
/// them; a crash in between leaves only an orphan file, which the background job removes. Deleting overwrites
/// the bytes first; since every file is encrypted with the tip's data key, deleting the tip's row makes any
/// copy the disk may keep unreadable as well.
/// </summary>
public sealed class TipFileStore(IOptions<TipsOptions> options, IHostEnvironment environment)
{
    /// <summary>The root folder.</summary>
    public string Root => Path.IsPathRooted(options.Value.FilesFolder)
        ? options.Value.FilesFolder
        : Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.FilesFolder));

    public string PathOf(Guid tipId, Guid fileId, bool view) =>
        Path.Combine(Root, tipId.ToString("N"), fileId.ToString("N") + (view ? ".view" : ".original"));

    /// <summary>
    /// Writes a new file and flushes it to disk, then its folder's entry (and, for a tip's first file, the tip's
    /// folder in the root), so that the file survives a power cut once the commit that acknowledges it is done.
    /// </summary>
    public async Task WriteAsync(Guid tipId, Guid fileId, bool view, byte[] content, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        var path = PathOf(tipId, fileId, view);
        var folder = Path.GetDirectoryName(path)!;
        var newFolder = !Directory.Exists(folder);
        var newRoot = newFolder && !Directory.Exists(Root);
        if (newFolder)
        {
            Directory.CreateDirectory(folder);
        }

        await using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous))
        {
            await stream.WriteAsync(content, ct);
            stream.Flush(flushToDisk: true);
        }

        DirectorySync.Flush(folder);
        if (newFolder)
        {
            DirectorySync.Flush(Root);
        }

        if (newRoot && Path.GetDirectoryName(Root) is { Length: > 0 } parent)
        {
            DirectorySync.Flush(parent);
        }
    }

    public async Task<byte[]?> ReadAsync(Guid tipId, Guid fileId, bool view, CancellationToken ct)
    {
        var path = PathOf(tipId, fileId, view);
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, ct) : null;
    }

    /// <summary>Overwrites then deletes every file of a tip, and its folder.</summary>
    public void DeleteTip(Guid tipId)
    {
        var folder = Path.Combine(Root, tipId.ToString("N"));
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(folder))
        {
            SecureDelete(file);
        }

        Directory.Delete(folder, recursive: true);
    }

    /// <summary>Overwrites then deletes one file (a crash in the middle of a submission leaves such orphans).</summary>
    public void DeleteFile(Guid tipId, Guid fileId)
    {
        SecureDelete(PathOf(tipId, fileId, view: false));
        SecureDelete(PathOf(tipId, fileId, view: true));
        var folder = Path.Combine(Root, tipId.ToString("N"));
        if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
        }
    }

    /// <summary>Every (tip, file) on disk with the time it was last written.</summary>
    public IEnumerable<(Guid TipId, Guid FileId, DateTime WrittenUtc)> Enumerate()
    {
        if (!Directory.Exists(Root))
        {
            yield break;
        }

        foreach (var folder in Directory.EnumerateDirectories(Root))
        {
            if (!Guid.TryParseExact(Path.GetFileName(folder), "N", out var tipId))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(folder))
            {
                if (Guid.TryParseExact(Path.GetFileNameWithoutExtension(file), "N", out var fileId))
                {
                    yield return (tipId, fileId, File.GetLastWriteTimeUtc(file));
                }
            }
        }
    }

    /// <summary>Overwrites a file with random bytes, flushes, then deletes it.</summary>
    public static void SecureDelete(string path)
    {
        if (!File.Exists(path))
        {
            return;
        }

        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.None))
        {
            var buffer = new byte[64 * 1024];
            var remaining = stream.Length;
            while (remaining > 0)
            {
                var n = (int)Math.Min(buffer.Length, remaining);
                RandomNumberGenerator.Fill(buffer.AsSpan(0, n));
                stream.Write(buffer, 0, n);
                remaining -= n;
            }

            stream.Flush(flushToDisk: true);
        }

        File.Delete(path);
    }
}
