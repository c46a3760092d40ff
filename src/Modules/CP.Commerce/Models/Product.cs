namespace CP.Commerce.Models;

/// <summary>Something the store sells, in one or more <see cref="PricingPlan"/>s.</summary>
public sealed class Product
{
    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>Unique, lower case; the product page is <c>/products/{slug}</c>.</summary>
    public required string Slug { get; set; }

    /// <summary>Plain text of at most <c>ProductConfiguration.SummaryLength</c> characters: the catalog card, the home page and the top of the product page.</summary>
    public string Summary { get; set; } = string.Empty;

    /// <summary>Markdown, rendered sanitized on the product page.</summary>
    public string Description { get; set; } = string.Empty;

    /// <summary>
    /// The product image's version (a hash of its renditions), part of its URLs; null when the product
    /// has no image. The renditions are stored by <c>Images/ProductImages</c> in the file store.
    /// </summary>
    public string? ImageVersion { get; set; }

    /// <summary>The image's width in pixels as uploaded (after its orientation is applied); 0 without an image.</summary>
    public int ImageWidth { get; set; }

    /// <summary>The image's height in pixels as uploaded; 0 without an image.</summary>
    public int ImageHeight { get; set; }

    /// <summary>The image's text alternative; empty means the product's name.</summary>
    public string ImageAlt { get; set; } = string.Empty;

    /// <summary>Inactive products are hidden from the storefront but stay in the admin.</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>Archived products are retired: hidden from the storefront and no longer sold.</summary>
    public bool IsArchived { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<PricingPlan> Plans { get; set; } = [];

    /// <summary>True when customers can see and buy the product.</summary>
    public bool IsOnSale => IsActive && !IsArchived;
}
