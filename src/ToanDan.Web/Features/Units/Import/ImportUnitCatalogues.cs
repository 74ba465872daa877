using System.Globalization;
using System.Text.RegularExpressions;
using ToanDan.Web.Infrastructure;

namespace ToanDan.Web.Features.Units.Import;

/// <summary>
/// Imports a file or a folder of official files. A folder (or a file next to it) carries a
/// <c>manifest.csv</c> (<c>file,as_of</c>) giving each file's date; otherwise the date comes from
/// <c>--as-of</c> or from a <c>YYYY-MM-DD</c> in the file name.
/// </summary>
public static partial class ImportUnitCatalogues
{
    /// <summary>The manifest's file name.</summary>
    public const string ManifestName = "manifest.csv";

    /// <summary>A file or folder path, and the date to use for a single file.</summary>
    public sealed record Command(string Path, DateOnly? AsOf);

    /// <summary>One imported file and what it did.</summary>
    public sealed record FileResult(string File, DateOnly AsOf, ImportUnitFile.Imported Imported);

    public sealed class Handler(ImportUnitFile.Handler import)
    {
        public async Task<Result<IReadOnlyList<FileResult>>> HandleAsync(Command input, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(input);
            var plan = Plan(input.Path, input.AsOf);
            if (!plan.IsSuccess)
            {
                return Result<IReadOnlyList<FileResult>>.Failure(plan.Errors);
            }

            var results = new List<FileResult>();
            foreach (var (file, asOf) in plan.Value)
            {
                var parsed = await UnitFileReader.ReadAsync(file, ct);
                var result = await import.HandleAsync(new ImportUnitFile.Command(parsed, asOf), ct);
                if (!result.IsSuccess)
                {
                    return Result<IReadOnlyList<FileResult>>.Failure(result.Errors);
                }

                results.Add(new FileResult(Path.GetFileName(file), asOf, result.Value));
            }

            return results;
        }
    }

    /// <summary>Works out which files to import, in which order, as of which dates.</summary>
    public static Result<IReadOnlyList<(string File, DateOnly AsOf)>> Plan(string path, DateOnly? asOf)
    {
        if (Directory.Exists(path))
        {
            if (asOf is not null)
            {
                return Error.Validation("--as-of chỉ dùng cho một tệp; một thư mục lấy ngày của từng tệp từ manifest.csv.");
            }

            var manifest = ReadManifest(path);
            if (!manifest.IsSuccess)
            {
                return Result<IReadOnlyList<(string, DateOnly)>>.Failure(manifest.Errors);
            }

            if (manifest.Value.Count == 0)
            {
                return Error.Validation($"Thư mục {path} không có {ManifestName} (cột file,as_of) liệt kê các tệp cần nhập.");
            }

            // Catalogues first (in date order), then mappings, so that links land on known units.
            return manifest.Value
                .Select(m => (File: System.IO.Path.Combine(path, m.Key), AsOf: m.Value))
                .OrderBy(m => m.File.Contains("mapping", StringComparison.OrdinalIgnoreCase) ? 1 : 0)
                .ThenBy(m => m.AsOf)
                .ToList();
        }

        if (!File.Exists(path))
        {
            return Error.NotFound($"Không tìm thấy tệp hoặc thư mục {path}.");
        }

        if (asOf is { } given)
        {
            return new List<(string, DateOnly)> { (path, given) };
        }

        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        var listed = ReadManifest(folder);
        if (listed.IsSuccess && listed.Value.TryGetValue(System.IO.Path.GetFileName(path), out var manifestDate))
        {
            return new List<(string, DateOnly)> { (path, manifestDate) };
        }

        var match = DateInName().Match(System.IO.Path.GetFileName(path));
        if (match.Success && DateOnly.TryParseExact(match.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var named))
        {
            return new List<(string, DateOnly)> { (path, named) };
        }

        return Error.Validation($"Không biết ngày hiệu lực của {System.IO.Path.GetFileName(path)}: hãy thêm --as-of YYYY-MM-DD.");
    }

    private static Result<Dictionary<string, DateOnly>> ReadManifest(string folder)
    {
        var file = System.IO.Path.Combine(folder, ManifestName);
        var entries = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        if (!File.Exists(file))
        {
            return entries;
        }

        var lines = File.ReadAllLines(file);
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split(',');
            if (parts.Length != 2
                || !DateOnly.TryParseExact(parts[1].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return Error.Validation($"{ManifestName}, dòng {i + 1}: cần 'tên tệp,YYYY-MM-DD'.");
            }

            var name = parts[0].Trim();
            if (name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal) || !File.Exists(System.IO.Path.Combine(folder, name)))
            {
                return Error.Validation($"{ManifestName}, dòng {i + 1}: không có tệp '{name}' trong thư mục.");
            }

            entries[name] = date;
        }

        return entries;
    }

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}")]
    private static partial Regex DateInName();
}
