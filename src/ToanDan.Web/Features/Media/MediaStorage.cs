namespace ToanDan.Web.Features.Media;

/// <summary>
/// Where the stored copies live: <c>Media:Path</c> (default <c>data/media</c>, relative to the content root — outside
/// wwwroot, so nothing uploaded is ever served as a static file or executed), one folder per item named by its id.
/// </summary>
public sealed class MediaStorage(IConfiguration configuration, IWebHostEnvironment environment)
{
    /// <summary>The media folder (absolute).</summary>
    public string Root { get; } = Path.GetFullPath(Path.Combine(environment.ContentRootPath, configuration["Media:Path"] is { Length: > 0 } path ? path : "data/media"));

    /// <summary>The file of one copy; the id and width come from parsed values, never from user text.</summary>
    public string PathOf(Guid id, int width, string extension) => Path.Combine(Root, id.ToString("N"), $"{width}.{extension}");

    /// <summary>Writes every copy (each through a temporary file, so a reader never sees half a file).</summary>
    public async Task WriteAsync(Guid id, string extension, IReadOnlyList<EncodedVariant> variants, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(variants);
        Directory.CreateDirectory(Path.Combine(Root, id.ToString("N")));
        foreach (var variant in variants)
        {
            var target = PathOf(id, variant.Width, extension);
            var temporary = target + ".tmp";
            await File.WriteAllBytesAsync(temporary, variant.Bytes, ct);
            File.Move(temporary, target, overwrite: true);
        }
    }

    /// <summary>Removes every copy of an item (nothing happens when there is none).</summary>
    public void Delete(Guid id)
    {
        var folder = Path.Combine(Root, id.ToString("N"));
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
