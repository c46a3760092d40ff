namespace CP.Commerce.Images;

/// <summary>
/// The renditions stored of a product image, by width: <see cref="Card"/> for the catalog and home
/// page cards, <see cref="Page"/> for the product page. A narrower image keeps its width (never enlarged).
/// </summary>
public enum ProductImageSize
{
    /// <summary>480 pixels wide.</summary>
    Card,

    /// <summary>1200 pixels wide.</summary>
    Page,
}
