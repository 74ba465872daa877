using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace ToanDan.Tests.Features.Media;

/// <summary>Images made by the tests: a JPEG with EXIF (a camera note, GPS position, orientation), a PNG with transparency, a pixel bomb.</summary>
internal static class TestImages
{
    /// <summary>Text written into the EXIF ImageDescription; must not survive.</summary>
    public const string SecretNote = "SECRET-CAMERA-NOTE";

    public static byte[] Jpeg(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(30, 90, 160));
            using var paint = new SKPaint { Color = SKColors.Orange };
            canvas.DrawRect(0, 0, width / 2f, height / 2f, paint);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }

    public static byte[] TransparentPng(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Transparent);
            using var paint = new SKPaint { Color = SKColors.Red };
            canvas.DrawCircle(width / 2f, height / 2f, width / 3f, paint);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>A JPEG with an EXIF segment: ImageDescription, Orientation and a GPS latitude (21° N).</summary>
    public static byte[] JpegWithExif(int width, int height, ushort orientation = 1)
    {
        var jpeg = Jpeg(width, height);
        var tiff = new byte[124];
        var span = tiff.AsSpan();
        "II"u8.CopyTo(span);
        BinaryPrimitives.WriteUInt16LittleEndian(span[2..], 42);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], 8);

        // IFD0 at 8: ImageDescription (ASCII, at 80), Orientation (SHORT), GPS IFD pointer (at 50).
        BinaryPrimitives.WriteUInt16LittleEndian(span[8..], 3);
        Entry(span[10..], 0x010E, 2, (uint)(SecretNote.Length + 1), 80);
        Entry(span[22..], 0x0112, 3, 1, orientation);
        Entry(span[34..], 0x8825, 4, 1, 50);
        BinaryPrimitives.WriteUInt32LittleEndian(span[46..], 0);

        // GPS IFD at 50: GPSLatitudeRef "N", GPSLatitude 3 rationals at 100.
        BinaryPrimitives.WriteUInt16LittleEndian(span[50..], 2);
        Entry(span[52..], 0x0001, 2, 2, 'N');
        Entry(span[64..], 0x0002, 5, 3, 100);
        BinaryPrimitives.WriteUInt32LittleEndian(span[76..], 0);
        Encoding.ASCII.GetBytes(SecretNote).CopyTo(span[80..]);
        uint[] rationals = [21, 1, 1, 1, 0, 1];
        for (var i = 0; i < rationals.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(span[(100 + (4 * i))..], rationals[i]);
        }

        var segment = new List<byte> { 0xFF, 0xE1 };
        var length = 2 + 6 + tiff.Length;
        segment.Add((byte)(length >> 8));
        segment.Add((byte)(length & 0xFF));
        segment.AddRange("Exif\0\0"u8.ToArray());
        segment.AddRange(tiff);
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }

    private static void Entry(Span<byte> at, ushort tag, ushort type, uint count, uint value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(at, tag);
        BinaryPrimitives.WriteUInt16LittleEndian(at[2..], type);
        BinaryPrimitives.WriteUInt32LittleEndian(at[4..], count);
        BinaryPrimitives.WriteUInt32LittleEndian(at[8..], value);
    }

    /// <summary>A tiny PNG file that declares 50 000 × 50 000 pixels (10 GB once decoded).</summary>
    public static byte[] PixelBombPng()
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, 50_000);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), 50_000);
        ihdr[8] = 8;
        ihdr[9] = 2;
        byte[] idat = [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01];
        return [.. (byte[])[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], .. Chunk("IHDR", ihdr), .. Chunk("IDAT", idat), .. Chunk("IEND", [])];
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        var typeBytes = Encoding.ASCII.GetBytes(type);
        var result = new byte[12 + data.Length];
        BinaryPrimitives.WriteUInt32BigEndian(result, (uint)data.Length);
        typeBytes.CopyTo(result, 4);
        data.CopyTo(result, 8);
        BinaryPrimitives.WriteUInt32BigEndian(result.AsSpan(8 + data.Length), Crc32([.. typeBytes, .. data]));
        return result;
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
