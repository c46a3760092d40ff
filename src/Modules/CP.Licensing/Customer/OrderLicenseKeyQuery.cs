using CP.Commerce.Events;
using CP.Licensing.Customer.Records;
using CP.Licensing.Data;
using CP.Licensing.Keys;
using Microsoft.EntityFrameworkCore;

namespace CP.Licensing.Customer;

/// <summary>The keys issued (and renewed or upgraded) for an order, for its confirmation page and email, and for its admin page.</summary>
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

    /// <summary>What the order's paid renewal and upgrade lines did to their keys, by line (the expiry each renewal gave, the plan each upgrade gave).</summary>
    public async Task<IReadOnlyList<IOrderKeyChange>> KeyChangesAsync(OrderSnapshot order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (!order.Lines.Any(l => l.Kind is OrderLineKind.Renewal or OrderLineKind.Upgrade))
        {
            return [];
        }

        var lines = order.Lines.ToDictionary(l => l.LineNumber);
        var renewals = await db.LicenseRenewals.AsNoTracking()
            .Where(r => r.OrderNumber == order.Number)
            .Join(db.Licenses, r => r.LicenseId, l => l.Id, (r, l) => new { r.LineNumber, r.NewExpiry, l.Key })
            .ToListAsync(cancellationToken);
        var upgrades = await db.LicenseUpgrades.AsNoTracking()
            .Where(u => u.OrderNumber == order.Number)
            .Join(db.Licenses, u => u.LicenseId, l => l.Id, (u, l) => new { u.LineNumber, u.ToPlanId, l.Key })
            .ToListAsync(cancellationToken);
        var maxima = upgrades.Count == 0
            ? []
            : await db.PlanLicensingSettings.AsNoTracking()
                .Where(p => upgrades.Select(u => u.ToPlanId).Contains(p.PlanId))
                .ToDictionaryAsync(p => p.PlanId, p => p.MaxActivations, cancellationToken);
        return renewals
            .Where(r => lines.ContainsKey(r.LineNumber))
            .Select(r => (IOrderKeyChange)new OrderRenewal(r.LineNumber, lines[r.LineNumber].ProductName, lines[r.LineNumber].PlanName, LicenseKeys.Mask(r.Key), r.NewExpiry))
            .Concat(upgrades
                .Where(u => lines.ContainsKey(u.LineNumber))
                .Select(u => new OrderUpgrade(u.LineNumber, lines[u.LineNumber].ProductName, lines[u.LineNumber].PlanName, LicenseKeys.Mask(u.Key), maxima.GetValueOrDefault(u.ToPlanId))))
            .OrderBy(c => c.LineNumber)
            .ToList();
    }
}
