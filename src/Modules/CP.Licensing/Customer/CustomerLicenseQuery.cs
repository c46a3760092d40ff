using CP.Licensing.Customer.Records;
using CP.Licensing.Data;
using Microsoft.EntityFrameworkCore;

namespace CP.Licensing.Customer;

/// <summary>A customer's own keys: only theirs (by account id), and never the revoked ones.</summary>
public sealed class CustomerLicenseQuery(LicensingDbContext db, TimeProvider clock)
{
    /// <summary>Keys that are neither revoked, suspended nor expired today (UTC).</summary>
    public Task<int> CountActiveAsync(string customerId, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return db.Licenses.CountAsync(
            l => l.CustomerId == customerId && l.RevokedAt == null && l.SuspendedAt == null && EF.Property<DateOnly>(l, LicenseConfiguration.ExpirySort) >= today,
            cancellationToken);
    }

    /// <summary>The customer's keys that are not revoked, newest first (page it in the database).</summary>
    public IQueryable<CustomerLicense> Visible(string customerId)
    {
        var renewable = Lifecycle.RenewalOffers.RenewablePlanIds(db);
        return db.Licenses.AsNoTracking()
            .Where(l => l.CustomerId == customerId && l.RevokedAt == null)
            .OrderByDescending(l => l.Id)
            .Select(l => new CustomerLicense(
                l.Id, l.Key, l.ProductName, l.ExpiresOn, l.MaxActivations, l.ActivationsUsed, l.SuspendedAt,
                l.PlanId != null && renewable.Contains(l.PlanId.Value)));
    }

    /// <summary>
    /// The development environments of the customer's keys <paramref name="licenseIds"/> (a page of
    /// them), by key then oldest first; only keys of <paramref name="customerId"/> that are not revoked.
    /// </summary>
    public async Task<IReadOnlyList<CustomerDevelopmentSite>> DevelopmentSitesAsync(string customerId, IReadOnlyCollection<int> licenseIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(licenseIds);
        if (licenseIds.Count == 0)
        {
            return [];
        }

        return await db.LicenseActivations.AsNoTracking()
            .Where(a => a.IsDevelopment && licenseIds.Contains(a.LicenseId))
            .Join(db.Licenses.Where(l => l.CustomerId == customerId && l.RevokedAt == null), a => a.LicenseId, l => l.Id, (a, l) => new { a, l.ProductName })
            .OrderByDescending(x => x.a.LicenseId).ThenBy(x => x.a.Id)
            .Take(licenseIds.Count * Settings.LicensingSettingsStore.MaxDevelopmentSitesLimit)
            .Select(x => new CustomerDevelopmentSite(x.a.LicenseId, x.ProductName, x.a.Domain, x.a.FirstSeenAt, x.a.LastSeenAt))
            .ToListAsync(cancellationToken);
    }
}
