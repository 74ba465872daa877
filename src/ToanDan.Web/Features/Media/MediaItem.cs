using ToanDan.Web.Features.Audit;
using ToanDan.Web.Features.News;

namespace ToanDan.Web.Features.Media;

/// <summary>
/// An image of a unit's media library. Only re-encoded copies are stored (no original bytes, so no EXIF, GPS or
/// other metadata survives), one per width of <see cref="MediaImages.TargetWidths"/> not larger than the upload.
/// Immutable: a new upload is a new item, so its public addresses can be cached for a year.
/// </summary>
public sealed class MediaItem : IAudited
{
    public const int FileNameMaxLength = 200;
    public const int AltMaxLength = ArticleFigure.AltMaxLength;
    public const int ExtensionMaxLength = 4;
    public const int WidthsMaxLength = 40;
    public const int CreatedByMaxLength = 100;

    private MediaItem()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The unit whose library holds it (the unit of the portal that may use it).</summary>
    public string UnitCode { get; private set; } = "";

    /// <summary>The uploaded file's name as shown to staff (cleaned; never used as a path).</summary>
    public string FileName { get; private set; } = "";

    /// <summary>The alternative text, mandatory: the default for the cover and a hint for figures.</summary>
    public string Alt { get; private set; } = "";

    /// <summary>"jpg" or "png" (PNG only for images with transparency).</summary>
    public string Extension { get; private set; } = "";

    /// <summary>Pixel size of the largest stored copy.</summary>
    public int Width { get; private set; }

    public int Height { get; private set; }

    /// <summary>Stored widths, ascending, separated by ';' (e.g. "320;800;1600").</summary>
    public string Widths { get; private set; } = "";

    /// <summary>Size of the uploaded file in bytes.</summary>
    public long UploadedBytes { get; private set; }

    /// <summary>Bytes of all stored copies.</summary>
    public long StoredBytes { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public string CreatedBy { get; private set; } = "";

    string IAudited.AuditModule => "Media";

    string IAudited.AuditId => Id.ToString();

    string? IAudited.AuditUnitCode => UnitCode;

    internal static MediaItem Create(Guid id, string unitCode, string fileName, string alt, ProcessedImage image, long uploadedBytes, string createdBy, DateTime nowUtc) => new()
    {
        Id = id,
        UnitCode = unitCode,
        FileName = fileName.Length > FileNameMaxLength ? fileName[..FileNameMaxLength] : fileName,
        Alt = alt,
        Extension = image.Extension,
        Width = image.Width,
        Height = image.Height,
        Widths = string.Join(';', image.Variants.Select(v => v.Width)),
        UploadedBytes = uploadedBytes,
        StoredBytes = image.Variants.Sum(v => (long)v.Bytes.Length),
        CreatedAtUtc = nowUtc,
        CreatedBy = createdBy.Length > CreatedByMaxLength ? createdBy[..CreatedByMaxLength] : createdBy,
    };

    /// <summary>What pages need to show it.</summary>
    public MediaImage ToImage() => new(Id, Alt, Extension, Width, Height,
        Widths.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(w => int.Parse(w, System.Globalization.CultureInfo.InvariantCulture)).ToList());
}

/// <summary>A media image as pages show it: its public addresses (<c>/media/{id}/{width}.{ext}</c>) and size.</summary>
public sealed record MediaImage(Guid Id, string Alt, string Extension, int Width, int Height, IReadOnlyList<int> Widths)
{
    /// <summary>The width used in an article column (at most 800 px, else the smallest).</summary>
    public int DefaultWidth => Widths.Where(w => w <= 800).DefaultIfEmpty(Widths.Count > 0 ? Widths[0] : Width).Max();

    public string Url(int width) => $"/media/{Id:N}/{width}.{Extension}";

    public string DefaultUrl => Url(DefaultWidth);

    /// <summary>The <c>srcset</c> attribute value: every stored width.</summary>
    public string SrcSet => string.Join(", ", Widths.Select(w => $"{Url(w)} {w}w"));

    /// <summary>Height of the copy of the given width (aspect ratio kept).</summary>
    public int HeightAt(int width) => Width == 0 ? 0 : (int)Math.Max(1, Math.Round((double)Height * width / Width));
}
