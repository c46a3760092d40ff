using CP.Commerce.Purchases;
using CP.Downloads.Models;
using CP.Licensing.Grants;

namespace CP.Downloads.Entitlement;

/// <summary>
/// Applies <see cref="EntitlementRule"/> to a customer: their licenses (<see cref="ILicenseGrants"/>,
/// from CP.Licensing when it is there) and the lines of their paid orders (<see cref="ICustomerPurchases"/>),
/// per product. The pages, the download links and the update API ask here, nowhere else.
/// </summary>
public sealed class DownloadEntitlements(IEnumerable<ILicenseGrants> licensing, ICustomerPurchases purchases, TimeProvider clock)
{
    /// <summary>The products the customer may download releases of, by product id (ascending).</summary>
    public async Task<IReadOnlyList<ProductEntitlement>> ForCustomerAsync(string customerId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var licenses = licensing.FirstOrDefault();
        var windows = new SortedDictionary<int, (ReleaseWindow Window, int? ExpiredLicenseId, int? LicenseId)>();

        foreach (var grant in licenses is null ? [] : await licenses.ForCustomerAsync(customerId, cancellationToken))
        {
            if (EntitlementRule.Of(grant, today) is { } window)
            {
                Add(grant.ProductId, window, window.IsEvery ? null : grant.LicenseId, grant.LicenseId);
            }
        }

        var lines = await purchases.PaidLinesAsync(customerId, cancellationToken);
        if (lines.Count > 0)
        {
            var licensed = licenses is null ? new HashSet<int>() : await licenses.LicensedPlansAsync([.. lines.Select(l => l.PlanId).Distinct()], cancellationToken);
            foreach (var line in lines.Where(l => !licensed.Contains(l.PlanId)))
            {
                Add(line.ProductId, EntitlementRule.OfUnlicensedPurchase(), null, null);
            }
        }

        return [.. windows.Select(w => new ProductEntitlement(w.Key, w.Value.Window, w.Value.Window.IsEvery ? null : w.Value.ExpiredLicenseId, w.Value.LicenseId))];

        void Add(int productId, ReleaseWindow window, int? expiredLicenseId, int? licenseId)
        {
            if (!windows.TryGetValue(productId, out var held))
            {
                windows[productId] = (window, expiredLicenseId, licenseId);
            }
            else if (held.Window.Widen(window) is var widest && widest != held.Window)
            {
                windows[productId] = (widest, expiredLicenseId, licenseId);
            }
        }
    }

    /// <summary>
    /// Whether one license entitles to <paramref name="release"/> now (a download link issued for that key):
    /// <see cref="DownloadRefusal.None"/>, or why not.
    /// </summary>
    public async Task<DownloadRefusal> LicenseMayDownloadAsync(int licenseId, Release release, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(release);
        var grant = licensing.FirstOrDefault() is { } licenses ? await licenses.ForLicenseAsync(licenseId, cancellationToken) : null;
        if (grant is null || grant.ProductId != release.ProductId)
        {
            return DownloadRefusal.NotEntitled;
        }

        if (grant.IsRevoked)
        {
            return DownloadRefusal.Revoked;
        }

        if (grant.IsSuspended)
        {
            return DownloadRefusal.Suspended;
        }

        return WindowOf(grant) is { } window && window.Covers(release.IsPublished, release.PublishedAt)
            ? DownloadRefusal.None
            : DownloadRefusal.NotEntitled;
    }

    /// <summary>What one license gives today (UTC): its release window, or null for nothing (the update check asks this of the key it checked).</summary>
    public ReleaseWindow? WindowOf(LicenseGrant license) => EntitlementRule.Of(license, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));

    /// <summary>Whether the customer may download <paramref name="release"/> now.</summary>
    public async Task<bool> MayDownloadAsync(string customerId, Release release, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(release);
        var entitlement = (await ForCustomerAsync(customerId, cancellationToken)).FirstOrDefault(e => e.ProductId == release.ProductId);
        return entitlement is not null && entitlement.Window.Covers(release.IsPublished, release.PublishedAt);
    }
}
