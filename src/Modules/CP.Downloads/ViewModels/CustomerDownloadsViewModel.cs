using CP.Downloads.Customer;
using CP.Downloads.Entitlement;
using CP.Downloads.Links;
using CP.Downloads.Models;
using StoreSite.Paging;

namespace CP.Downloads.ViewModels;

/// <summary>
/// Account -> Downloads: a page of the customer's entitled products with their releases, and a fresh
/// download link token per release (issued for the key that gives the entitlement, or for the customer
/// when a paid plan without a license does).
/// </summary>
public sealed record CustomerDownloadsViewModel(IReadOnlyList<ProductDownloads> Products, PageInfo Paging, DownloadLinks Links, string CustomerId)
{
    public string Token(ProductEntitlement entitlement, Release release)
    {
        System.ArgumentNullException.ThrowIfNull(entitlement);
        System.ArgumentNullException.ThrowIfNull(release);
        return entitlement.LicenseId is { } licenseId ? Links.TokenForLicense(release.Id, licenseId) : Links.TokenForCustomer(release.Id, CustomerId);
    }
}
