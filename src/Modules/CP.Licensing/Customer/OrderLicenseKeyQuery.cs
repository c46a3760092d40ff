using CP.Licensing.Customer.Records;
using CP.Licensing.Data;
using Microsoft.EntityFrameworkCore;

namespace CP.Licensing.Customer;

/// <summary>The keys issued for an order, for its confirmation page and email, and for its admin page.</summary>
public sealed class OrderLicenseKeyQuery(LicensingDbContext db, TimeProvider clock)
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

    /// <summary>The order's keys by line then unit, with their ids and status today (the admin order page; an order has as many keys as units).</summary>
    public async Task<IReadOnlyList<OrderAdminKey>> ListForAdminAsync(string orderNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orderNumber);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var rows = await db.Licenses.AsNoTracking()
            .Where(l => l.OrderNumber == orderNumber)
            .OrderBy(l => l.LineNumber).ThenBy(l => l.UnitIndex)
            .Select(l => new { l.Id, l.Key, l.ProductName, l.LineNumber, l.UnitIndex, Revoked = l.RevokedAt != null, Suspended = l.SuspendedAt != null, l.ExpiresOn })
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(l => new OrderAdminKey(l.Id, l.Key, l.ProductName, l.LineNumber, l.UnitIndex, Models.License.Status(l.Revoked, l.Suspended, l.ExpiresOn, today)));
    }
}
