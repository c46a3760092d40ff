namespace CP.Commerce.Images;

/// <summary>
/// Why <see cref="ProductImages"/> refused an image (<see cref="StoreSite.Outcome.Problem"/> codes, field
/// <see cref="FieldImage"/> or <see cref="FieldAlt"/>); the words are the web layer's (<c>Controllers/ProductImageMessages</c>).
/// </summary>
public static class ProductImageProblems
{
    /// <summary>The form field of the file.</summary>
    public const string FieldImage = "Image";

    /// <summary>The form field of the text alternative.</summary>
    public const string FieldAlt = "ImageAlt";

    /// <summary>No file was sent, or an empty one.</summary>
    public const string Required = "image_required";

    /// <summary>The file is larger than <see cref="ProductImageLimits.MaxMegabytes"/>.</summary>
    public const string TooLarge = "image_too_large";

    /// <summary>The content is no PNG, JPEG or WebP image (whatever its name or content type said).</summary>
    public const string NotAnImage = "image_not_an_image";

    /// <summary>The image is cut short or damaged: it does not decode to its end.</summary>
    public const string Damaged = "image_damaged";

    /// <summary>The image has more than <see cref="ProductImageLimits.MaxPixels"/> pixels (or a side above <see cref="ProductImageLimits.MaxSide"/>).</summary>
    public const string TooManyPixels = "image_too_many_pixels";

    /// <summary>The text alternative is longer than <c>ProductConfiguration.ImageAltLength</c>.</summary>
    public const string AltTooLong = "image_alt_too_long";

    /// <summary>There is no such product.</summary>
    public const string ProductNotFound = "product_not_found";

    /// <summary>Someone else changed the product's image at the same moment; nothing of this upload was kept.</summary>
    public const string Changed = "image_changed";
}
