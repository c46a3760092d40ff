using StoreSite.Data;
using CP.Commerce.Catalog;
using CP.Commerce.Data;
using CP.Commerce.Images;
using CP.Commerce.Plans;
using CP.Commerce.Services;
using CP.Commerce.ViewModels;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using StoreSite.Settings;

namespace CP.Commerce.Controllers;

/// <summary>The storefront catalog and product pages.</summary>
[AllowAnonymous]
[Route("products")]
public sealed class ProductsController(
    CommerceDbContext db,
    CatalogCards cards,
    MarkdownRenderer markdown,
    PlanEditorExtensions extensions,
    ProductImages images,
    ProductImageLinks imageLinks,
    ISiteSettingsStore settings) : Controller
{
    /// <summary>A rendition's URL names its version, so it never changes content: a browser keeps it a year without asking again.</summary>
    private const string ImmutableCaching = "public, max-age=31536000, immutable";

    [HttpGet("")]
    public async Task<IActionResult> Index(int? page, CancellationToken cancellationToken)
    {
        var site = await settings.GetAsync<SiteSettings>(SiteSettings.Section, cancellationToken);
        return View(await cards.PageAsync(page, site.PageSize, Url.Action(nameof(Index))!, cancellationToken));
    }

    [HttpGet("{slug}")]
    public async Task<IActionResult> Show(string slug, CancellationToken cancellationToken)
    {
        var product = slug.Length > ProductConfiguration.SlugLength
            ? null
            : await db.Products.AsNoTracking().Include(p => p.Plans).FirstOrDefaultAsync(p => p.Slug == slug && p.IsActive && !p.IsArchived, cancellationToken);
        var plans = product?.Plans.Where(p => p.IsActive).OrderBy(p => p.Position).ThenBy(p => p.Id).ToList();
        if (product is null || plans is null || plans.Count == 0)
        {
            return NotFound();
        }

        var site = await settings.GetAsync<SiteSettings>(SiteSettings.Section, cancellationToken);
        var ids = plans.Select(p => p.Id).ToList();
        var details = new List<IReadOnlyDictionary<int, IReadOnlyList<string>>>();
        foreach (var extension in extensions.Enabled)
        {
            details.Add(await extension.DescribePlansAsync(ids, cancellationToken));
        }

        var offers = plans
            .Select(p => new PlanOfferViewModel(p.Id, p.Name, Money.Format(p.Price, site.Currency), details.SelectMany(d => d.GetValueOrDefault(p.Id) ?? []).ToList()))
            .ToList();
        return View(new ProductPageViewModel(product.Name, product.Slug, product.Summary, markdown.ToHtml(product.Description), offers, imageLinks.For(product)));
    }

    /// <summary>
    /// A rendition of a product's image (WebP), for any product that has that image now (the admin's
    /// editor shows it before the product is on sale); another version or size answers 404. The ETag is
    /// the version and size, so a revalidation answers 304 without reading the file store.
    /// </summary>
    [HttpGet("{id:int}/images/{version}/{size}.webp", Name = CommerceRoutes.ProductImage)]
    public async Task<IActionResult> Image(int id, string version, string size, CancellationToken cancellationToken)
    {
        ProductImageSize? rendition = size switch
        {
            "card" => ProductImageSize.Card,
            "page" => ProductImageSize.Page,
            _ => null,
        };
        if (rendition is null || version.Length != ProductImageRenditions.VersionLength || !version.All(char.IsAsciiHexDigitLower))
        {
            return NotFound();
        }

        var tag = new EntityTagHeaderValue($"\"{version}-{size}\"");
        if (Request.GetTypedHeaders().IfNoneMatch.Any(t => t.Compare(tag, useStrongComparison: false)) && await db.Products.AsNoTracking().AnyAsync(p => p.Id == id && p.ImageVersion == version, cancellationToken))
        {
            Response.Headers.CacheControl = ImmutableCaching;
            Response.Headers.ETag = tag.ToString();
            return StatusCode(StatusCodes.Status304NotModified);
        }

        var content = await images.OpenAsync(id, version, rendition.Value, cancellationToken);
        if (content is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = ImmutableCaching;
        return File(content, ProductImageEncoder.ContentType, lastModified: null, entityTag: tag);
    }
}
