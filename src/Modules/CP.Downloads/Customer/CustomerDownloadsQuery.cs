using CP.Commerce.Catalog;
using CP.Downloads.Data;
using CP.Downloads.Entitlement;
using CP.Downloads.Models;
using CP.Licensing.Grants;
using StoreSite.Versions;
using Microsoft.EntityFrameworkCore;
using StoreSite.Data;
using StoreSite.Paging;

namespace CP.Downloads.Customer;

/// <summary>
/// Account -> Downloads: the customer's entitled products (<see cref="DownloadEntitlements"/>), a page of
/// them, each with its releases split by the entitlement's window, newest version first.
/// </summary>
public sealed class CustomerDownloadsQuery(DownloadEntitlements entitlements, IProductCatalog catalog, DownloadsDbContext db)
{
    /// <summary>How many older entitled releases a product shows.</summary>
    public const int OlderShown = 10;

    public async Task<(List<ProductDownloads> Products, PageInfo Paging)> PageAsync(string customerId, int? page, int pageSize, string baseUrl, CancellationToken cancellationToken)
    {
        var entitled = await entitlements.ForCustomerAsync(customerId, cancellationToken);
        var products = new List<(ProductSummary Product, ProductEntitlement Entitlement)>();
        foreach (var entitlement in entitled)
        {
            if (await catalog.FindProductAsync(entitlement.ProductId, cancellationToken) is { } product)
            {
                products.Add((product, entitlement));
            }
        }

        products.Sort((a, b) => string.Compare(a.Product.Name, b.Product.Name, StringComparison.CurrentCultureIgnoreCase));
        var paging = PagedQuery.PageOf(products.Count, page, pageSize, baseUrl);
        var shown = products.Skip((paging.Page - 1) * pageSize).Take(pageSize).ToList();
        var ids = shown.Select(p => p.Product.ProductId).ToList();
        // Published releases of the page's products; dates are compared here (SQLite keeps DateTimeOffset as text).
        var releases = ids.Count == 0
            ? []
            : await db.Releases.AsNoTracking().Where(r => ids.Contains(r.ProductId) && r.IsPublished).ToListAsync(cancellationToken);
        var byProduct = releases.ToLookup(r => r.ProductId);
        return ([.. shown.Select(p => Split(p.Product, p.Entitlement, byProduct[p.Product.ProductId]))], paging);
    }

    /// <summary>
    /// What one key gives of its product now (<see cref="DownloadEntitlements.WindowOf"/>; a revoked or
    /// suspended key gives nothing), as Account -> Downloads shows a product; null when it gives nothing or
    /// the product left the catalog.
    /// </summary>
    public async Task<ProductDownloads?> ForLicenseAsync(LicenseGrant grant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grant);
        if (entitlements.WindowOf(grant) is not { } window || await catalog.FindProductAsync(grant.ProductId, cancellationToken) is not { } product)
        {
            return null;
        }

        var releases = await db.Releases.AsNoTracking().Where(r => r.ProductId == grant.ProductId && r.IsPublished).ToListAsync(cancellationToken);
        return Split(product, new ProductEntitlement(grant.ProductId, window, window.IsEvery ? null : grant.LicenseId, grant.LicenseId), releases);
    }

    private static ProductDownloads Split(ProductSummary product, ProductEntitlement entitlement, IEnumerable<Release> releases)
    {
        var newestFirst = releases.OrderByDescending(Version).ThenByDescending(r => r.Id).ToList();
        var covered = newestFirst.Where(r => entitlement.Window.Covers(r.IsPublished, r.PublishedAt)).ToList();
        var notCovered = newestFirst.FirstOrDefault(r => !entitlement.Window.Covers(r.IsPublished, r.PublishedAt));
        var newer = notCovered is not null && (covered.Count == 0 || Version(notCovered) > Version(covered[0])) ? notCovered : null;
        return new ProductDownloads(product, entitlement, covered.FirstOrDefault(), [.. covered.Skip(1).Take(OlderShown)], Math.Max(0, covered.Count - 1), newer);
    }

    private static SemanticVersion? Version(Release release) => SemanticVersion.TryParse(release.Version, out var version) ? version : null;
}
