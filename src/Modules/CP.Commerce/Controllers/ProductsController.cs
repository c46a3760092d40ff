using StoreSite.Data;
using CP.Commerce.Catalog;
using CP.Commerce.Data;
using CP.Commerce.Plans;
using CP.Commerce.Services;
using CP.Commerce.ViewModels;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using StoreSite.Settings;

namespace CP.Commerce.Controllers;

/// <summary>The storefront catalog and product pages.</summary>
[AllowAnonymous]
[Route("products")]
public sealed class ProductsController(CommerceDbContext db, CatalogCards cards, MarkdownRenderer markdown, PlanEditorExtensions extensions, ISiteSettingsStore settings) : Controller
{
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
        var details = new List<IReadOnlyDictionary<int, string>>();
        foreach (var extension in extensions.Enabled)
        {
            details.Add(await extension.DescribePlansAsync(ids, cancellationToken));
        }

        var offers = plans
            .Select(p => new PlanOfferViewModel(p.Id, p.Name, Money.Format(p.Price, site.Currency), details.Select(d => d.GetValueOrDefault(p.Id)).OfType<string>().ToList()))
            .ToList();
        return View(new ProductPageViewModel(product.Name, product.Slug, product.Summary, markdown.ToHtml(product.Description), offers));
    }
}
