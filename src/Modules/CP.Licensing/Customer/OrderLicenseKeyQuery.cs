using CP.Licensing.Customer.Records;
using CP.Licensing.Data;
using Microsoft.EntityFrameworkCore;

namespace CP.Licensing.Customer;

/// <summary>The keys issued for an order, for its confirmation page and email.</summary>
public sealed class OrderLicenseKeyQuery(LicensingDbContext db)
{
    public async Task<IReadOnlyList<OrderLicenseKey>> ListAsync(string orderNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orderNumber);
        return await db.Licenses.AsNoTracking()
            .Where(l => l.OrderNumber == orderNumber)
            .OrderBy(l => l.LineNumber).ThenBy(l => l.UnitIndex)
            .Select(l => new OrderLicenseKey(l.Key, l.ProductName, l.ExpiresOn, l.MaxActivations, l.RevokedAt != null))
            .ToListAsync(cancellationToken);
    }
}
