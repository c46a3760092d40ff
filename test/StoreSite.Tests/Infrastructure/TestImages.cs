using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace StoreSite.Tests.Infrastructure;

/// <summary>Images made in the test with SkiaSharp (a gradient), and hostile ones: cut short, a bomb's header.</summary>
public static class TestImages
{
    /// <summary>The text an XMP segment of <see cref="JpegWithMetadata"/> carries (a location, as a phone would write it).</summary>
    public const string SecretMetadata = "GPS 48.8584 N 2.2945 E secret-location";

    public static byte[] Png(int width, int height) => Encode(width, height, SKEncodedImageFormat.Png);

    /// <summary>A PNG of a gradient between two colours with a few circles, to look like a product banner in screenshots.</summary>
    public static byte[] Banner(int width, int height, SKColor from, SKColor to) => Encode(width, height, SKEncodedImageFormat.Png, from, to, circles: true);

    public static byte[] Jpeg(int width, int height) => Encode(width, height, SKEncodedImageFormat.Jpeg);

    public static byte[] Webp(int width, int height) => Encode(width, height, SKEncodedImageFormat.Webp);

    /// <summary>A JPEG with an XMP segment (APP1) right after its start marker.</summary>
    public static byte[] JpegWithMetadata(int width, int height)
    {
        var jpeg = Jpeg(width, height);
        var payload = Encoding.ASCII.GetBytes("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>" + SecretMetadata + "</x:xmpmeta>");
        var segment = new byte[4 + payload.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(payload.Length + 2));
        payload.CopyTo(segment, 4);
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }

    /// <summary>
    /// A JPEG with an EXIF orientation tag: 6 is "turn 90° clockwise to show" (a phone held upright stores
    /// its landscape sensor's pixels with it). The gradient runs from blue at the top left to orange.
    /// </summary>
    public static byte[] JpegWithOrientation(int width, int height, ushort orientation)
    {
        var jpeg = Jpeg(width, height);
        byte[] exif =
        [
            .. "Exif\0\0"u8,
            .. "MM\0*"u8, 0, 0, 0, 8, // big-endian TIFF header, the first IFD at offset 8
            0, 1, // one entry
            0x01, 0x12, 0, 3, 0, 0, 0, 1, (byte)(orientation >> 8), (byte)orientation, 0, 0, // Orientation, SHORT, 1 value
            0, 0, 0, 0, // no next IFD
        ];
        var segment = new byte[4 + exif.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(exif.Length + 2));
        exif.CopyTo(segment, 4);
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }

    /// <summary>A PNG whose header says <paramref name="width"/> × <paramref name="height"/> (with a correct checksum) over the pixels of a 1 × 1 image: a decompression bomb's header.</summary>
    public static byte[] PngClaiming(int width, int height)
    {
        var png = Png(1, 1);
        // Signature (8), IHDR length (4), "IHDR" (4), width (4), height (4), …, CRC over type and data (13 bytes).
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), height);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(29), Crc32(png.AsSpan(12, 17)));
        return png;
    }

    /// <summary>The first half of a real image.</summary>
    public static byte[] Truncated(byte[] image) => image[..(image.Length / 2)];

    public static SKBitmap Decode(byte[] bytes) => SKBitmap.Decode(bytes) ?? throw new InvalidOperationException("Not an image.");

    private static byte[] Encode(int width, int height, SKEncodedImageFormat format, SKColor? from = null, SKColor? to = null, bool circles = false)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            using var paint = new SKPaint { Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height), [from ?? SKColors.SteelBlue, to ?? SKColors.Orange], SKShaderTileMode.Clamp) };
            canvas.DrawRect(0, 0, width, height, paint);
            if (circles)
            {
                using var light = new SKPaint { Color = SKColors.White.WithAlpha(70), IsAntialias = true };
                canvas.DrawCircle(width * 0.25f, height * 0.55f, height * 0.3f, light);
                canvas.DrawCircle(width * 0.7f, height * 0.35f, height * 0.2f, light);
                canvas.DrawRoundRect(width * 0.45f, height * 0.6f, width * 0.4f, height * 0.12f, 12, 12, light);
            }
        }

        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var i = 0; i < 8; i++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
