using CP.Licensing.Customer.Records;
using CP.Licensing.Data;
using Microsoft.EntityFrameworkCore;

namespace CP.Licensing.Customer;

/// <summary>A customer's own keys: only theirs (by account id), and never the revoked ones.</summary>
public sealed class CustomerLicenseQuery(LicensingDbContext db, TimeProvider clock)
{
    /// <summary>Keys that are neither revoked nor expired today (UTC).</summary>
    public Task<int> CountActiveAsync(string customerId, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return db.Licenses.CountAsync(
            l => l.CustomerId == customerId && l.RevokedAt == null && EF.Property<DateOnly>(l, LicenseConfiguration.ExpirySort) >= today,
            cancellationToken);
    }

    /// <summary>The customer's keys that are not revoked, newest first (page it in the database).</summary>
    public IQueryable<CustomerLicense> Visible(string customerId) =>
        db.Licenses.AsNoTracking()
            .Where(l => l.CustomerId == customerId && l.RevokedAt == null)
            .OrderByDescending(l => l.Id)
            .Select(l => new CustomerLicense(l.Id, l.Key, l.ProductName, l.ExpiresOn, l.MaxActivations, l.ActivationsUsed));
}
