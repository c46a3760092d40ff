using CP.Commerce.Data;
using CP.Commerce.Models;
using CP.Commerce.Purchases;
using Microsoft.EntityFrameworkCore;

namespace CP.Commerce.Orders;

/// <summary>The lines of a customer's paid orders (<see cref="ICustomerPurchases"/>), in one query.</summary>
public sealed class CustomerPurchases(CommerceDbContext db) : ICustomerPurchases
{
    public async Task<IReadOnlyList<PurchasedLine>> PaidLinesAsync(string customerId, CancellationToken cancellationToken) =>
        await db.Set<OrderLine>().AsNoTracking()
            .Join(
                db.Orders.AsNoTracking().Where(o => o.CustomerId == customerId && o.Status == OrderStatus.Paid),
                l => l.OrderId,
                o => o.Id,
                (l, o) => new PurchasedLine(o.Number, l.LineNumber, l.ProductId, l.PlanId))
            .ToListAsync(cancellationToken);
}
