using CP.Commerce.Data;
using CP.Commerce.Models;
using CP.Commerce.ViewModels;
using Microsoft.EntityFrameworkCore;

namespace CP.Commerce.Orders;

/// <summary>
/// The orders an admin has to finish by hand: a refund whose money went back but whose store part
/// failed (Finish refund), a confirmed payment whose order could not be completed (Finish payment),
/// a payment never confirmed for longer than <see cref="UnconfirmedAfter"/> (Cancel), and a paid
/// order about which the payment provider reported a partial refund or a dispute.
/// </summary>
public sealed class OrdersNeedingAttention(CommerceDbContext db, TimeProvider clock)
{
    /// <summary>A checkout still waiting for the provider after this long is not in progress any more.</summary>
    public static readonly TimeSpan UnconfirmedAfter = TimeSpan.FromMinutes(15);

    /// <summary>At most this many stuck orders are looked at (oldest first); the total says how many there are.</summary>
    public const int Limit = 200;

    public async Task<OrdersDashboardViewModel> ReadAsync(int shown, CancellationToken cancellationToken)
    {
        var counts = await db.Orders.GroupBy(o => o.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Status, g => g.Count, cancellationToken);

        var stale = clock.GetUtcNow() - UnconfirmedAfter;
        var candidates = await CandidatesAsync(o => o.Status == OrderStatus.RefundPending || o.Status == OrderStatus.Pending || ((o.Status == OrderStatus.Paid || o.Status == OrderStatus.PartiallyRefunded) && o.ProviderNote != null), cancellationToken);
        var stuck = candidates.Select(o => AttentionOf(o, stale) is { } attention ? new OrderNeedingAttention(o, attention) : null).OfType<OrderNeedingAttention>().ToList();
        return new OrdersDashboardViewModel(counts, stuck.Take(shown).ToList(), stuck.Count);
    }

    /// <summary>The numbers of the Pending orders, oldest first, whose payment was never confirmed and that were placed before <paramref name="placedBefore"/>.</summary>
    public async Task<IReadOnlyList<string>> UnconfirmedAsync(DateTimeOffset placedBefore, CancellationToken cancellationToken) =>
        (await CandidatesAsync(o => o.Status == OrderStatus.Pending && o.PaymentReference == null, cancellationToken))
            .Where(o => o.CreatedAt < placedBefore).Select(o => o.Number).ToList();

    // Age is checked in memory, not in SQL: SQLite cannot compare DateTimeOffset values.
    private Task<List<Order>> CandidatesAsync(System.Linq.Expressions.Expression<Func<Order, bool>> status, CancellationToken cancellationToken) =>
        db.Orders.AsNoTracking().Where(status).OrderBy(o => o.Id).Take(Limit).ToListAsync(cancellationToken);

    private static OrderAttention? AttentionOf(Order order, DateTimeOffset stale) => order.Status switch
    {
        OrderStatus.RefundPending => OrderAttention.FinishRefund,
        OrderStatus.Paid or OrderStatus.PartiallyRefunded when order.ProviderNote is not null => OrderAttention.ProviderReport,
        OrderStatus.Pending when order.PaymentReference is not null => OrderAttention.FinishPayment,
        OrderStatus.Pending when order.CreatedAt < stale => OrderAttention.CancelOrFinish,
        _ => null,
    };
}
