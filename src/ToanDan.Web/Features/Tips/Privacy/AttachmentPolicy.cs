using SkiaSharp;

namespace ToanDan.Web.Features.Tips.Privacy;

/// <summary>
/// What a tip may carry: at most <see cref="MaxFiles"/> files per post; images (JPEG, PNG, WebP) up to 10 MB,
/// videos (MP4, MOV, 3GP, WebM) up to 25 MB, documents (PDF, DOCX) up to 10 MB; 40 MB in all. The type is
/// decided by the content's first bytes, and must agree with the file name's extension and the declared type.
/// </summary>
public static class AttachmentPolicy
{
    public const int MaxFiles = 5;
    public const long MaxImageBytes = 10 * 1024 * 1024;
    public const long MaxVideoBytes = 25 * 1024 * 1024;
    public const long MaxDocumentBytes = 10 * 1024 * 1024;
    public const long MaxTotalBytes = 40 * 1024 * 1024;

    /// <summary>The request cap for pages that take files (files plus the form's text).</summary>
    public const long MaxRequestBytes = MaxTotalBytes + (2 * 1024 * 1024);

    /// <summary>The accept attribute of the file inputs.</summary>
    public const string Accept = ".jpg,.jpeg,.png,.webp,.mp4,.m4v,.mov,.3gp,.webm,.pdf,.docx";

    private static readonly Dictionary<string, string> TypeOfExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".png"] = "image/png",
        [".webp"] = "image/webp",
        [".mp4"] = "video/mp4",
        [".m4v"] = "video/mp4",
        [".mov"] = "video/quicktime",
        [".3gp"] = "video/3gpp",
        [".webm"] = "video/webm",
        [".pdf"] = "application/pdf",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    };

    /// <summary>A file accepted by the policy.</summary>
    public sealed record Accepted(string Name, string ContentType, TipFileKind Kind, byte[] Content);

    /// <summary>Checks a file; returns it typed, or a Vietnamese reason.</summary>
    public static (Accepted? File, string? Problem) Check(string? fileName, string? declaredType, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var name = CleanName(fileName);
        if (content.Length == 0)
        {
            return (null, $"Tệp “{name}” rỗng.");
        }

        var extension = Path.GetExtension(name);
        if (!TypeOfExtension.TryGetValue(extension, out var expected))
        {
            return (null, $"Tệp “{name}”: chỉ nhận ảnh (JPG, PNG, WebP), video (MP4, MOV, 3GP, WebM) hoặc tài liệu (PDF, DOCX).");
        }

        var sniffed = Sniff(content);
        if (sniffed is null || !SameType(sniffed, expected))
        {
            return (null, $"Tệp “{name}”: nội dung không phải {Describe(expected)} như tên tệp cho biết.");
        }

        var declared = (declaredType ?? "").Split(';')[0].Trim();
        if (declared.Length > 0 && !declared.Equals("application/octet-stream", StringComparison.OrdinalIgnoreCase) && !SameType(declared.ToLowerInvariant(), sniffed))
        {
            return (null, $"Tệp “{name}”: loại tệp khai báo ({declared}) không khớp với nội dung.");
        }

        var kind = sniffed.StartsWith("image/", StringComparison.Ordinal) ? TipFileKind.Image
            : sniffed.StartsWith("video/", StringComparison.Ordinal) ? TipFileKind.Video
            : TipFileKind.Document;
        var limit = kind switch { TipFileKind.Image => MaxImageBytes, TipFileKind.Video => MaxVideoBytes, _ => MaxDocumentBytes };
        if (content.Length > limit)
        {
            return (null, $"Tệp “{name}” quá lớn (tối đa {limit / (1024 * 1024)} MB cho {Describe(sniffed)}).");
        }

        return (new Accepted(name, sniffed, kind, content), null);
    }

    /// <summary>The file's own name without folders or control characters, at most 150 characters.</summary>
    public static string CleanName(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/'));
        name = new string(name.Where(c => !char.IsControl(c) && !char.IsSurrogate(c)).ToArray()).Trim();
        if (name.Length == 0)
        {
            return "tep";
        }

        return name.Length > 150 ? name[..140] + Path.GetExtension(name) : name;
    }

    /// <summary>The type of the content from its first bytes, or null when it is none of the accepted types.</summary>
    public static string? Sniff(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF)
        {
            return "image/jpeg";
        }

        if (b.Length >= 8 && b[..8].SequenceEqual((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "image/png";
        }

        if (b.Length >= 12 && b[..4].SequenceEqual("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8))
        {
            return "image/webp";
        }

        if (b.Length >= 5 && b[..5].SequenceEqual("%PDF-"u8))
        {
            return "application/pdf";
        }

        if (b.Length >= 4 && b[0] == 0x1A && b[1] == 0x45 && b[2] == 0xDF && b[3] == 0xA3)
        {
            return "video/webm";
        }

        if (b.Length >= 12 && b[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = b[8..12];
            return brand.SequenceEqual("qt  "u8) ? "video/quicktime"
                : brand[..3].SequenceEqual("3gp"u8) || brand[..3].SequenceEqual("3g2"u8) ? "video/3gpp"
                : "video/mp4";
        }

        if (b.Length >= 4 && b[..4].SequenceEqual((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04])
            && (b.IndexOf("word/"u8) >= 0 || b.IndexOf("[Content_Types].xml"u8) >= 0))
        {
            return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        }

        return null;
    }

    // MP4 and MOV share the ISO container; a phone's .mov may carry an mp4 brand and the reverse.
    private static bool SameType(string a, string b) =>
        a == b || (IsIsoVideo(a) && IsIsoVideo(b));

    private static bool IsIsoVideo(string type) => type is "video/mp4" or "video/quicktime" or "video/3gpp";

    private static string Describe(string type) => type switch
    {
        _ when type.StartsWith("image/", StringComparison.Ordinal) => "ảnh",
        _ when type.StartsWith("video/", StringComparison.Ordinal) => "video",
        "application/pdf" => "tài liệu PDF",
        _ => "tài liệu Word",
    };
}

/// <summary>
/// Re-encodes an image without its metadata (EXIF with GPS position and camera, XMP, comments): the pixels are
/// decoded, turned upright by the EXIF orientation, scaled to at most 2048 pixels a side and written as a new
/// JPEG. Officers view this copy; the original stays encrypted as evidence.
/// </summary>
public static class ImageCleaner
{
    public const int MaxSide = 2048;

    /// <summary>Images larger than this many pixels are refused (decompression bombs).</summary>
    public const long MaxPixels = 60_000_000;

    /// <summary>The cleaned JPEG, or null when the image cannot be decoded.</summary>
    public static byte[]? Clean(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var data = SKData.CreateCopy(content);
        using var codec = SKCodec.Create(data);
        if (codec is null || (long)codec.Info.Width * codec.Info.Height > MaxPixels || codec.Info.Width <= 0 || codec.Info.Height <= 0)
        {
            return null;
        }

        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var decoded = new SKBitmap(info);
        var result = codec.GetPixels(info, decoded.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            return null;
        }

        using var upright = Orient(decoded, codec.EncodedOrigin);
        var scale = Math.Min(1.0, (double)MaxSide / Math.Max(upright.Width, upright.Height));
        var width = Math.Max(1, (int)Math.Round(upright.Width * scale));
        var height = Math.Max(1, (int)Math.Round(upright.Height * scale));
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using var image = SKImage.FromBitmap(upright);
        canvas.DrawImage(image, new SKRect(0, 0, width, height), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        using var snapshot = surface.Snapshot();
        using var encoded = snapshot.Encode(SKEncodedImageFormat.Jpeg, 85);
        return encoded?.ToArray();
    }

    private static SKBitmap Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        if (origin is SKEncodedOrigin.TopLeft or SKEncodedOrigin.Default)
        {
            return source.Copy();
        }

        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var result = new SKBitmap(swap ? source.Height : source.Width, swap ? source.Width : source.Height, source.ColorType, source.AlphaType);
        using var canvas = new SKCanvas(result);
        var w = result.Width;
        var h = result.Height;
        switch (origin)
        {
            case SKEncodedOrigin.TopRight:
                canvas.Scale(-1, 1, w / 2f, 0);
                break;
            case SKEncodedOrigin.BottomRight:
                canvas.RotateDegrees(180, w / 2f, h / 2f);
                break;
            case SKEncodedOrigin.BottomLeft:
                canvas.Scale(1, -1, 0, h / 2f);
                break;
            case SKEncodedOrigin.LeftTop:
                canvas.Translate(w, 0);
                canvas.RotateDegrees(90);
                canvas.Scale(1, -1, 0, source.Height / 2f);
                break;
            case SKEncodedOrigin.RightTop:
                canvas.Translate(w, 0);
                canvas.RotateDegrees(90);
                break;
            case SKEncodedOrigin.RightBottom:
                canvas.Translate(w, 0);
                canvas.RotateDegrees(90);
                canvas.Scale(-1, -1, source.Width / 2f, source.Height / 2f);
                break;
            case SKEncodedOrigin.LeftBottom:
                canvas.Translate(0, h);
                canvas.RotateDegrees(270);
                break;
        }

        using var sourceImage = SKImage.FromBitmap(source);
        canvas.DrawImage(sourceImage, 0, 0, new SKSamplingOptions(SKFilterMode.Linear));
        return result;
    }
}
