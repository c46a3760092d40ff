namespace CP.Commerce.Images;

/// <summary>What a product image may be: its file size and its decoded size, checked before any pixel is decoded.</summary>
public static class ProductImageLimits
{
    public const int MaxMegabytes = 8;

    public const long MaxBytes = MaxMegabytes * 1024L * 1024L;

    /// <summary>
    /// At most 25 megapixels (100 MB decoded): a file of a few KB can say it is 50,000 × 50,000 pixels
    /// (a decompression bomb), so the header's size is checked before decoding.
    /// </summary>
    public const long MaxPixels = 25_000_000;

    /// <summary>The longest side, in pixels.</summary>
    public const int MaxSide = 12_000;

    /// <summary>The request body an upload may have: the file and room for the form's other fields.</summary>
    public const long MaxRequestBytes = MaxBytes + (256 * 1024);

    /// <summary>What the file field accepts (a hint to the browser; the content is what decides).</summary>
    public const string Accept = "image/png,image/jpeg,image/webp";
}
