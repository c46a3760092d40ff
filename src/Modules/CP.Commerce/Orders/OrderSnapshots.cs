using CP.Commerce.Data;
using CP.Commerce.Events;
using CP.Commerce.Models;
using Microsoft.EntityFrameworkCore;

namespace CP.Commerce.Orders;

/// <summary>Takes the <see cref="OrderSnapshot"/> other modules see of an order (its lines loaded), in the scope's transaction.</summary>
public sealed class OrderSnapshots(CommerceDbContext db)
{
    public async Task<OrderSnapshot> TakeAsync(Order order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var productIds = order.Lines.Select(l => l.ProductId).Distinct().ToList();
        var products = await db.Products.AsNoTracking()
            .Where(p => productIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Slug, PlanCount = p.Plans.Count })
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        var lines = order.Lines
            .OrderBy(l => l.LineNumber)
            .Select(l =>
            {
                var product = products.GetValueOrDefault(l.ProductId);
                var title = product is { PlanCount: > 1 } ? $"{l.ProductName} – {l.PlanName}" : l.ProductName;
                return new OrderLineSnapshot(l.LineNumber, l.Kind, l.ProductId, product?.Slug ?? string.Empty, l.ProductName, l.PlanId, l.PlanName, title, l.Quantity, l.UnitPrice, l.LicenseId);
            })
            .ToList();
        return new OrderSnapshot(order.Number, order.CustomerId, order.CustomerEmail, order.Currency, order.Total, order.PaidAt, lines);
    }
}
