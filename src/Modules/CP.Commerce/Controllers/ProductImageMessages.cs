using CP.Commerce.Data;
using CP.Commerce.Images;
using StoreSite;

namespace CP.Commerce.Controllers;

/// <summary>The words the admin reads about a product image, chosen from the <see cref="ProductImageProblems"/> code.</summary>
public static class ProductImageMessages
{
    public const string Saved = "Image saved.";
    public const string AltSaved = "Image description saved.";
    public const string Removed = "Image removed.";

    /// <summary>The hint under the file field.</summary>
    public static readonly string Hint = $"A PNG, JPEG or WebP image of at most {ProductImageLimits.MaxMegabytes} MB and {ProductImageLimits.MaxPixels / 1_000_000} megapixels; wide images look best (cards are 480 pixels wide, the product page 1200). Its metadata (camera, location) is removed.";

    public static string Refused(Outcome outcome) => outcome.Problem switch
    {
        ProductImageProblems.Required => "Choose an image file to upload.",
        ProductImageProblems.TooLarge => $"The image is larger than {ProductImageLimits.MaxMegabytes} MB. Save it smaller, e.g. as a JPEG or WebP at most 2400 pixels wide, and upload it again.",
        ProductImageProblems.NotAnImage => "This file is not a PNG, JPEG or WebP image. Nothing was stored.",
        ProductImageProblems.Damaged => "This image is damaged or cut short: it cannot be read to its end. Nothing was stored.",
        ProductImageProblems.TooManyPixels => $"This image is too big in pixels: at most {ProductImageLimits.MaxPixels / 1_000_000} megapixels and {ProductImageLimits.MaxSide.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} pixels a side. Nothing was stored.",
        ProductImageProblems.AltTooLong => $"The image description must be at most {ProductConfiguration.ImageAltLength} characters.",
        ProductImageProblems.ProductNotFound => "This product no longer exists.",
        ProductImageProblems.Changed => "The image was changed by someone else at the same moment. Reload the page and try again.",
        _ => $"The image was not saved ({outcome.Problem}).",
    };
}
