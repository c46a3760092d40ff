using CP.Commerce.Data;
using CP.Commerce.Models;
using Microsoft.EntityFrameworkCore;

namespace CP.Commerce.Discounts;

/// <summary>
/// Redeems a discount for an order and gives it back, inside the caller's transaction. The total is
/// held by one conditional UPDATE of the code's counter (<c>Redeemed = Redeemed + 1 WHERE … Redeemed &lt;
/// MaxRedemptions</c>): the database lets exactly as many orders through as are left, whatever runs
/// at once. The UPDATE also locks the code's row, so the per-customer count that follows (a new
/// statement, which on PostgreSQL sees every redemption committed before the lock was granted) is
/// exact too. A refusal leaves the counter raised: the caller rolls the transaction back.
/// </summary>
public sealed class DiscountRedemptions(CommerceDbContext db)
{
    /// <summary>Records <paramref name="order"/>'s use of discount <paramref name="discountId"/>; null when done, else the <see cref="DiscountProblems"/> code (roll back).</summary>
    public async Task<string?> RedeemAsync(int discountId, Order order, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var taken = await db.Discounts
            .Where(d => d.Id == discountId && d.IsActive && (d.MaxRedemptions == 0 || d.Redeemed < d.MaxRedemptions))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Redeemed, d => d.Redeemed + 1), cancellationToken);
        if (taken == 0)
        {
            return await db.Discounts.AnyAsync(d => d.Id == discountId && d.IsActive, cancellationToken) ? DiscountProblems.UsedUp : DiscountProblems.Inactive;
        }

        var perCustomer = await db.Discounts.Where(d => d.Id == discountId).Select(d => d.MaxPerCustomer).FirstAsync(cancellationToken);
        if (perCustomer > 0 && await DiscountEvaluator.CountForAsync(db, discountId, order.CustomerId, cancellationToken) >= perCustomer)
        {
            return DiscountProblems.UsedUpForCustomer;
        }

        db.DiscountRedemptions.Add(new DiscountRedemption { DiscountId = discountId, OrderId = order.Id, CustomerId = order.CustomerId, CustomerEmail = order.CustomerEmail, At = now });
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>
    /// Gives the order's redemption back (the order wholly refunded, its payment failed, or cancelled):
    /// the redemption is marked released once (a conditional UPDATE) and only then the counter lowered.
    /// Nothing when the order used no code or gave it back already.
    /// </summary>
    public async Task ReleaseAsync(int orderId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var discountId = await db.DiscountRedemptions.Where(r => r.OrderId == orderId && r.ReleasedAt == null).Select(r => (int?)r.DiscountId).FirstOrDefaultAsync(cancellationToken);
        if (discountId is null)
        {
            return;
        }

        if (await db.DiscountRedemptions.Where(r => r.OrderId == orderId && r.ReleasedAt == null).ExecuteUpdateAsync(s => s.SetProperty(r => r.ReleasedAt, now), cancellationToken) == 1)
        {
            await db.Discounts.Where(d => d.Id == discountId && d.Redeemed > 0).ExecuteUpdateAsync(s => s.SetProperty(d => d.Redeemed, d => d.Redeemed - 1), cancellationToken);
        }
    }
}
