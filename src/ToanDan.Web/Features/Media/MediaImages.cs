using SkiaSharp;
using ToanDan.Web.Infrastructure;

namespace ToanDan.Web.Features.Media;

/// <summary>A re-encoded image: its format and the stored copies.</summary>
public sealed record ProcessedImage(string Extension, int Width, int Height, IReadOnlyList<EncodedVariant> Variants);

/// <summary>One stored copy of an image.</summary>
public sealed record EncodedVariant(int Width, int Height, byte[] Bytes);

/// <summary>
/// Checks and re-encodes uploaded images with SkiaSharp. The real content decides (magic bytes, then a full decode),
/// never the file name or the declared Content-Type. Pixels are decoded, turned upright by their EXIF orientation,
/// resized and encoded again, so no metadata of the upload (EXIF, GPS, XMP, IPTC, comments) reaches the stored copies.
/// </summary>
public sealed class MediaImages(IConfiguration configuration)
{
    /// <summary>Widths of the stored copies (each capped at the upload's own width).</summary>
    public static readonly IReadOnlyList<int> TargetWidths = [320, 800, 1600];

    /// <summary>JPEG quality of the stored copies.</summary>
    public const int JpegQuality = 82;

    /// <summary>Largest upload in bytes: <c>Media:MaxUploadBytes</c>, default 10 MiB.</summary>
    public long MaxUploadBytes { get; } = configuration.GetValue("Media:MaxUploadBytes", 10L * 1024 * 1024);

    /// <summary>Largest decoded image in pixels (a small file can decode to gigabytes): <c>Media:MaxPixels</c>, default 40 million.</summary>
    public long MaxPixels { get; } = configuration.GetValue("Media:MaxPixels", 40_000_000L);

    /// <summary>The image format that the first bytes announce: "jpeg", "png", "webp", or null for anything else.</summary>
    public static string? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
        {
            return "jpeg";
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "png";
        }

        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return "webp";
        }

        return null;
    }

    /// <summary>Decodes, checks and re-encodes an upload; errors are Vietnamese and keyed to the field "File".</summary>
    public Result<ProcessedImage> Process(byte[] data, string fileName)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (Sniff(data) is null)
        {
            return Error.Validation(
                $"Tệp “{fileName}” không phải là ảnh JPEG, PNG hoặc WebP: nội dung thật của tệp không khớp với tên hay kiểu tệp khai báo.", "File");
        }

        using var codec = SKCodec.Create(new SKMemoryStream(data), out var created);
        if (codec is null || created != SKCodecResult.Success || codec.EncodedFormat is not (SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png or SKEncodedImageFormat.Webp))
        {
            return Unreadable(fileName);
        }

        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0 || (long)info.Width * info.Height > MaxPixels)
        {
            return Error.Validation(
                $"Ảnh “{fileName}” quá lớn ({info.Width}×{info.Height} điểm ảnh): tối đa {MaxPixels / 1_000_000} triệu điểm ảnh.", "File");
        }

        var opaque = info.AlphaType == SKAlphaType.Opaque || codec.EncodedFormat == SKEncodedImageFormat.Jpeg;
        var decodeInfo = new SKImageInfo(info.Width, info.Height, SKColorType.Rgba8888, opaque ? SKAlphaType.Opaque : SKAlphaType.Premul, SKColorSpace.CreateSrgb());
        using var decoded = new SKBitmap(decodeInfo);
        if (codec.GetPixels(decodeInfo, decoded.GetPixels()) != SKCodecResult.Success)
        {
            return Unreadable(fileName);
        }

        using var upright = Upright(decoded, codec.EncodedOrigin);
        var bitmap = upright ?? decoded;
        var extension = opaque ? "jpg" : "png";
        var variants = new List<EncodedVariant>();
        foreach (var width in TargetWidths.Select(w => Math.Min(w, bitmap.Width)).Distinct().Order())
        {
            var height = (int)Math.Max(1, Math.Round((double)bitmap.Height * width / bitmap.Width));
            using var resized = width == bitmap.Width
                ? bitmap.Copy()
                : bitmap.Resize(new SKImageInfo(width, height, bitmap.ColorType, bitmap.AlphaType, bitmap.ColorSpace), new SKSamplingOptions(SKCubicResampler.Mitchell));
            if (resized is null)
            {
                return Unreadable(fileName);
            }

            using var image = SKImage.FromBitmap(resized);
            using var encoded = opaque ? image.Encode(SKEncodedImageFormat.Jpeg, JpegQuality) : image.Encode(SKEncodedImageFormat.Png, 100);
            if (encoded is null)
            {
                return Unreadable(fileName);
            }

            variants.Add(new EncodedVariant(width, height, encoded.ToArray()));
        }

        var largest = variants[^1];
        return new ProcessedImage(extension, largest.Width, largest.Height, variants);
    }

    private static Error Unreadable(string fileName) =>
        Error.Validation($"Không đọc được ảnh “{fileName}”: tệp bị hỏng, không đầy đủ hoặc không phải ảnh JPEG, PNG, WebP.", "File");

    /// <summary>A copy turned as the camera's EXIF orientation says (the tag itself is not kept), or null when already upright.</summary>
    private static SKBitmap? Upright(SKBitmap source, SKEncodedOrigin origin)
    {
        if (origin == SKEncodedOrigin.TopLeft)
        {
            return null;
        }

        float w = source.Width, h = source.Height;
        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var matrix = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
            _ => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
        };
        var result = new SKBitmap(new SKImageInfo(swap ? source.Height : source.Width, swap ? source.Width : source.Height, source.ColorType, source.AlphaType, source.ColorSpace));
        using var canvas = new SKCanvas(result);
        canvas.SetMatrix(matrix);
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear));
        return result;
    }
}
