namespace CP.Commerce;

/// <summary>Names of the commerce routes that are linked from outside a request (mail, background jobs).</summary>
public static class CommerceRoutes
{
    /// <summary>The customer's order page (<c>number</c>).</summary>
    public const string CustomerOrder = "CP.Commerce.CustomerOrder";

    /// <summary>A rendition of a product image (<c>id</c>, <c>version</c>, <c>size</c> card or page): <c>/products/{id}/images/{version}/{size}.webp</c>.</summary>
    public const string ProductImage = "CP.Commerce.ProductImage";
}
