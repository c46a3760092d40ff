using CP.Downloads.Customer;
using CP.Downloads.Links;
using CP.Downloads.Models;

namespace CP.Downloads.ViewModels;

/// <summary>
/// One product's releases as <c>_ProductDownloads</c> shows them (Account -> Downloads, a key's page): a fresh
/// download link token per release, issued for the key that gives the entitlement (or for the customer when
/// a paid plan without a license does); and how the renewal is offered when updates ended: the renew form
/// (<see cref="ShowsRenewForm"/>), a link to the page's own (<see cref="RenewLink"/>), or nothing.
/// </summary>
public sealed record ProductDownloadsView(ProductDownloads Item, DownloadLinks Links, string CustomerId)
{
    public bool ShowsRenewForm { get; init; } = true;

    public string? RenewLink { get; init; }

    public string Token(Release release)
    {
        ArgumentNullException.ThrowIfNull(release);
        return Item.Entitlement.LicenseId is { } licenseId ? Links.TokenForLicense(release.Id, licenseId) : Links.TokenForCustomer(release.Id, CustomerId);
    }
}
