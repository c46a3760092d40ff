using CP.Licensing.Data;
using CP.Licensing.Grants;
using CP.Licensing.Keys;
using Microsoft.EntityFrameworkCore;

namespace CP.Licensing.Customer;

/// <summary>A customer's licenses and the plans that issue them, for other modules (<see cref="ILicenseGrants"/>).</summary>
public sealed class LicenseGrants(LicensingDbContext db) : ILicenseGrants
{
    public async Task<IReadOnlyList<LicenseGrant>> ForCustomerAsync(string customerId, CancellationToken cancellationToken) =>
        await db.Licenses.AsNoTracking()
            .Where(l => l.CustomerId == customerId && l.ProductId != null)
            .OrderBy(l => l.Id)
            .Select(l => new LicenseGrant(l.Id, l.ProductId!.Value, l.ExpiresOn, l.RevokedAt != null, l.SuspendedAt != null) { CustomerId = l.CustomerId, MaskedKey = LicenseKeys.Mask(l.Key) })
            .ToListAsync(cancellationToken);

    public Task<LicenseGrant?> ForLicenseAsync(int licenseId, CancellationToken cancellationToken) =>
        db.Licenses.AsNoTracking()
            .Where(l => l.Id == licenseId && l.ProductId != null)
            .Select(l => new LicenseGrant(l.Id, l.ProductId!.Value, l.ExpiresOn, l.RevokedAt != null, l.SuspendedAt != null) { CustomerId = l.CustomerId, MaskedKey = LicenseKeys.Mask(l.Key) })
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlySet<int>> LicensedPlansAsync(IReadOnlyCollection<int> planIds, CancellationToken cancellationToken)
    {
        if (planIds.Count == 0)
        {
            return new HashSet<int>();
        }

        var licensed = await db.PlanLicensingSettings.AsNoTracking()
            .Where(p => planIds.Contains(p.PlanId) && p.IssueLicense)
            .Select(p => p.PlanId)
            .ToListAsync(cancellationToken);
        return licensed.ToHashSet();
    }
}
