using CP.Commerce.Data;
using CP.Commerce.Images;
using CP.Commerce.Services;
using CP.Commerce.ViewModels;
using Microsoft.EntityFrameworkCore;
using StoreSite.Data;
using StoreSite.Settings;

namespace CP.Commerce.Catalog;

/// <summary>The product cards of the storefront (the catalog and the home page): products on sale with an active plan, by name, paged in the database.</summary>
public sealed class CatalogCards(CommerceDbContext db, ISiteSettingsStore settings, ProductImageLinks images)
{
    public async Task<CatalogViewModel> PageAsync(int? page, int pageSize, string baseUrl, CancellationToken cancellationToken)
    {
        var site = await settings.GetAsync<SiteSettings>(SiteSettings.Section, cancellationToken);
        var onSale = db.Products.AsNoTracking().Where(p => p.IsActive && !p.IsArchived && p.Plans.Any(plan => plan.IsActive));
        var (products, paging) = await onSale.OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.Name, p.Slug, p.Summary, p.ImageVersion, p.ImageWidth, p.ImageHeight, p.ImageAlt, Prices = p.Plans.Where(plan => plan.IsActive).Select(plan => plan.Price).ToList() })
            .PageAsync(page, pageSize, baseUrl, cancellationToken);
        var items = products.Select(p => new CatalogItemViewModel(p.Name, p.Slug, p.Summary, Money.Format(p.Prices.Min(), site.Currency), images.For(p.Id, p.Name, p.ImageVersion, p.ImageWidth, p.ImageHeight, p.ImageAlt))).ToList();
        return new CatalogViewModel(items, paging);
    }
}
