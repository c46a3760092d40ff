using CP.Commerce.Models;
using CP.Commerce.ViewModels;
using Microsoft.AspNetCore.Routing;

namespace CP.Commerce.Images;

/// <summary>
/// The <see cref="ProductImageViewModel"/> of a product's image: its renditions' URLs from the
/// <see cref="CommerceRoutes.ProductImage"/> route (the version in the URL changes with the image, so a
/// browser may keep each URL for a year) and the text alternative, the product's name when none was given.
/// </summary>
public sealed class ProductImageLinks(LinkGenerator links)
{
    public ProductImageViewModel? For(Product product)
    {
        ArgumentNullException.ThrowIfNull(product);
        return For(product.Id, product.Name, product.ImageVersion, product.ImageWidth, product.ImageHeight, product.ImageAlt);
    }

    public ProductImageViewModel? For(int productId, string name, string? version, int width, int height, string alt)
    {
        if (version is null || width <= 0 || height <= 0)
        {
            return null;
        }

        var (cardWidth, cardHeight) = ProductImageEncoder.Scaled(width, height, ProductImageSize.Card);
        var (pageWidth, pageHeight) = ProductImageEncoder.Scaled(width, height, ProductImageSize.Page);
        return new ProductImageViewModel(
            Url(productId, version, ProductImageSize.Card), cardWidth, cardHeight,
            Url(productId, version, ProductImageSize.Page), pageWidth, pageHeight,
            string.IsNullOrWhiteSpace(alt) ? name : alt);
    }

    private string Url(int productId, string version, ProductImageSize size) =>
        links.GetPathByRouteValues(CommerceRoutes.ProductImage, new { id = productId, version, size = size.ToString().ToLowerInvariant() })
        ?? throw new InvalidOperationException($"The route {CommerceRoutes.ProductImage} is not mapped.");
}
