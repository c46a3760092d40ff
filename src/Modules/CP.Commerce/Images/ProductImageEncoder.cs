using System.Security.Cryptography;
using SkiaSharp;
using StoreSite;

namespace CP.Commerce.Images;

/// <summary>
/// Turns an uploaded file into the stored renditions with SkiaSharp: the content decides what it is
/// (PNG, JPEG or WebP, whatever the file's name or content type said); the header's size is checked
/// against <see cref="ProductImageLimits"/> before a pixel is decoded; the image must decode to its end
/// (a truncated file is refused); a JPEG's EXIF orientation is applied; then each
/// <see cref="ProductImageSize"/> is resized and re-encoded as WebP from the pixels alone, so no
/// metadata of the upload (EXIF, GPS, ICC comments) survives.
/// </summary>
public static class ProductImageEncoder
{
    public const string ContentType = "image/webp";

    private const int Quality = 82;

    private static readonly SKEncodedImageFormat[] Accepted = [SKEncodedImageFormat.Png, SKEncodedImageFormat.Jpeg, SKEncodedImageFormat.Webp];

    /// <summary>The width of a rendition.</summary>
    public static int MaxWidth(ProductImageSize size) => size switch
    {
        ProductImageSize.Card => 480,
        ProductImageSize.Page => 1200,
        _ => throw new ArgumentOutOfRangeException(nameof(size)),
    };

    /// <summary>The pixel size of the <paramref name="size"/> rendition of an image of <paramref name="width"/> × <paramref name="height"/>.</summary>
    public static (int Width, int Height) Scaled(int width, int height, ProductImageSize size)
    {
        var max = MaxWidth(size);
        if (width <= max)
        {
            return (width, height);
        }

        return (max, Math.Max(1, (int)Math.Round(height * (double)max / width, MidpointRounding.AwayFromZero)));
    }

    /// <summary>The renditions of <paramref name="content"/>, or why it is no image the store takes.</summary>
    public static Outcome<ProductImageRenditions> Encode(ReadOnlySpan<byte> content)
    {
        if (content.IsEmpty)
        {
            return Outcome.Refused(ProductImageProblems.Required, ProductImageProblems.FieldImage);
        }

        using var data = SKData.CreateCopy(content);
        using var codec = SKCodec.Create(data);
        if (codec is null || !Accepted.Contains(codec.EncodedFormat))
        {
            return Outcome.Refused(ProductImageProblems.NotAnImage, ProductImageProblems.FieldImage);
        }

        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width <= 0 || height <= 0 || width > ProductImageLimits.MaxSide || height > ProductImageLimits.MaxSide || (long)width * height > ProductImageLimits.MaxPixels)
        {
            return Outcome.Refused(ProductImageProblems.TooManyPixels, ProductImageProblems.FieldImage);
        }

        using var decoded = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var result = codec.GetPixels(decoded.Info, decoded.GetPixels());
        if (result != SKCodecResult.Success)
        {
            // Its header named a format the store takes, but its pixels do not decode to the end.
            return Outcome.Refused(ProductImageProblems.Damaged, ProductImageProblems.FieldImage);
        }

        // Most images need no turning: they are resized from the decoded pixels, without a copy.
        using var turned = codec.EncodedOrigin == SKEncodedOrigin.TopLeft ? null : Orient(decoded, codec.EncodedOrigin);
        var upright = turned ?? decoded;
        var card = Render(upright, ProductImageSize.Card);
        var page = Render(upright, ProductImageSize.Page);
        var version = Convert.ToHexStringLower(SHA256.HashData(page))[..ProductImageRenditions.VersionLength];
        return Outcome<ProductImageRenditions>.Done(new ProductImageRenditions(version, upright.Width, upright.Height, card, page));
    }

    private static byte[] Render(SKBitmap source, ProductImageSize size)
    {
        var (width, height) = Scaled(source.Width, source.Height, size);
        if (width == source.Width)
        {
            return Webp(source);
        }

        using var resized = source.Resize(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul), new SKSamplingOptions(SKCubicResampler.Mitchell))
            ?? throw new InvalidOperationException("SkiaSharp could not resize the image.");
        return Webp(resized);
    }

    private static byte[] Webp(SKBitmap bitmap)
    {
        using var pixels = bitmap.PeekPixels();
        using var encoded = pixels.Encode(new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossy, Quality))
            ?? throw new InvalidOperationException("SkiaSharp could not encode the image.");
        return encoded.ToArray();
    }

    /// <summary>The bitmap turned as its EXIF orientation says (phones store portraits sideways with a tag); a new bitmap the caller disposes.</summary>
    private static SKBitmap Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        var swaps = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var (width, height) = swaps ? (source.Height, source.Width) : (source.Width, source.Height);
        var turned = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(turned);
        canvas.Clear(SKColors.Transparent);
        switch (origin)
        {
            case SKEncodedOrigin.TopRight: canvas.Scale(-1, 1, width / 2f, 0); break;
            case SKEncodedOrigin.BottomRight: canvas.RotateDegrees(180, width / 2f, height / 2f); break;
            case SKEncodedOrigin.BottomLeft: canvas.Scale(1, -1, 0, height / 2f); break;
            case SKEncodedOrigin.LeftTop: canvas.Scale(-1, 1); canvas.RotateDegrees(90); break;
            case SKEncodedOrigin.RightTop: canvas.Translate(width, 0); canvas.RotateDegrees(90); break;
            case SKEncodedOrigin.RightBottom: canvas.Translate(width, height); canvas.Scale(1, -1); canvas.RotateDegrees(90); break;
            case SKEncodedOrigin.LeftBottom: canvas.Translate(0, height); canvas.RotateDegrees(270); break;
        }

        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest));
        return turned;
    }
}
