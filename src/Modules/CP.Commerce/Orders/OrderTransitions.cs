using CP.Commerce.Data;
using CP.Commerce.Events;
using CP.Commerce.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using StoreSite.Data;

namespace CP.Commerce.Orders;

/// <summary>
/// The one owner of order status changes (docs/architecture.md, "Order status"). Each move is an
/// <see cref="OrderStatusChange"/> made with a conditional UPDATE (the database decides who wins a
/// race), a timeline entry and, for Paid and Refunded, the order event handlers of enabled modules,
/// all in one transaction: if a handler throws, nothing of the change is kept. An order that ends
/// wholly Refunded, PaymentFailed or Cancelled gives its discount code's redemption back in that
/// transaction; a partial refund keeps it.
/// </summary>
public sealed class OrderTransitions(CommerceDbContext db, SiteDatabase database, OrderEventPublisher events, OrderSnapshots snapshots, CP.Commerce.Discounts.DiscountRedemptions redemptions, TimeProvider clock)
{
    /// <summary>Pending (with a confirmed payment reference) -> Paid, then <see cref="IOrderEvents.OrderPaidAsync"/>.</summary>
    public Task<Order?> MarkPaidAsync(int orderId, OrderActor actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return ChangeAsync(
            OrderStatusChange.Pay,
            orderId,
            s => s.SetProperty(o => o.PaidAt, now),
            "Order paid.",
            actor,
            (handler, context) => handler.OrderPaidAsync(context, cancellationToken),
            nameof(IOrderEvents.OrderPaidAsync),
            reason: null,
            cancellationToken);
    }

    /// <summary>Pending -> PaymentFailed (no event: nothing was sold).</summary>
    public Task<Order?> MarkPaymentFailedAsync(int orderId, string message, OrderActor actor, CancellationToken cancellationToken) =>
        ChangeAsync(OrderStatusChange.FailPayment, orderId, null, message, actor, publish: null, eventName: string.Empty, reason: null, cancellationToken);

    /// <summary>Pending without a confirmed payment -> Cancelled (no event: nothing was sold).</summary>
    public Task<Order?> MarkCancelledAsync(int orderId, string reason, OrderActor actor, CancellationToken cancellationToken) =>
        ChangeAsync(OrderStatusChange.Cancel, orderId, null, $"Order cancelled. Reason: {reason}", actor, publish: null, eventName: string.Empty, reason: null, cancellationToken);

    /// <summary>
    /// Paid -> RefundPending once the provider has given the money back, with the reason and the
    /// timeline note of that refund in the same write: after a crash the order is either still Paid
    /// or says that (and how) the money went back. No event: the store's part follows in
    /// <see cref="MarkRefundedAsync"/>.
    /// </summary>
    public Task<Order?> MarkRefundPendingAsync(int orderId, string reason, string note, OrderActor actor, CancellationToken cancellationToken) =>
        ChangeAsync(OrderStatusChange.BeginRefund, orderId, s => s.SetProperty(o => o.RefundReason, reason), note, actor, publish: null, eventName: string.Empty, reason: null, cancellationToken);

    /// <summary>RefundPending -> Refunded, then <see cref="IOrderEvents.OrderRefundedAsync"/> (e.g. the order's keys are revoked), in one transaction.</summary>
    public Task<Order?> MarkRefundedAsync(int orderId, string reason, OrderActor actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return ChangeAsync(
            OrderStatusChange.FinishRefund,
            orderId,
            s => s.SetProperty(o => o.RefundedAt, now).SetProperty(o => o.RefundReason, reason),
            $"Order refunded. Reason: {reason}",
            actor,
            (handler, context) => handler.OrderRefundedAsync(context, cancellationToken),
            nameof(IOrderEvents.OrderRefundedAsync),
            reason,
            cancellationToken,
            alsoDo: () => MarkLinesRefundedAsync(orderId, null, now, cancellationToken));
    }

    /// <summary>Marks the order's unrefunded lines (all, or those numbered <paramref name="lineNumbers"/>) refunded, each with its total; how many were.</summary>
    private async Task<int> MarkLinesRefundedAsync(int orderId, IReadOnlyList<int>? lineNumbers, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var lines = await db.OrderLines
            .Where(l => l.OrderId == orderId && l.RefundedAt == null && (lineNumbers == null || lineNumbers.Contains(l.LineNumber)))
            .ToListAsync(cancellationToken);
        foreach (var line in lines)
        {
            line.RefundedAt = now;
            line.RefundedAmount = line.LineTotal;
        }

        await db.SaveChangesAsync(cancellationToken);
        return lines.Count;
    }

    /// <summary>
    /// Paid or PartiallyRefunded -> PartiallyRefunded, or Refunded when no line is left: the lines
    /// <paramref name="lineNumbers"/> marked refunded (each with its total), a timeline entry naming
    /// them and the amount, then <see cref="IOrderEvents.OrderLinesRefundedAsync"/>, in one transaction.
    /// Null (nothing changed) when one of the lines is already refunded or the order moved on.
    /// </summary>
    public async Task<Order?> RefundLinesAsync(int orderId, IReadOnlyList<int> lineNumbers, string reason, string note, OrderActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lineNumbers);
        await using var transaction = await database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        if (await MarkLinesRefundedAsync(orderId, lineNumbers, now, cancellationToken) != lineNumbers.Count)
        {
            return null;
        }

        var left = await db.OrderLines.CountAsync(l => l.OrderId == orderId && l.RefundedAt == null, cancellationToken);
        var change = left == 0 ? OrderStatusChange.FinishLineRefund : OrderStatusChange.RefundSomeLines;
        var from = change.From.ToList();
        var to = change.To;
        if (await db.Orders.Where(o => o.Id == orderId && from.Contains(o.Status) && o.PaymentReference != null)
                .ExecuteUpdateAsync(
                    s =>
                    {
                        s.SetProperty(o => o.Status, to);
                        if (to == OrderStatus.Refunded)
                        {
                            s.SetProperty(o => o.RefundedAt, now).SetProperty(o => o.RefundReason, reason);
                        }
                    },
                    cancellationToken) == 0)
        {
            return null;
        }

        if (to == OrderStatus.Refunded)
        {
            await redemptions.ReleaseAsync(orderId, now, cancellationToken); // the last lines: the whole order is refunded
        }

        await NoteAsync(orderId, note, actor, cancellationToken);
        var order = await LoadAsync(orderId, cancellationToken)
            ?? throw new InvalidOperationException($"Order {orderId} vanished inside its own transaction.");
        var snapshot = await snapshots.TakeAsync(order, cancellationToken);
        var context = new OrderEventContext(snapshot, actor, reason, [.. snapshot.Lines.Where(l => lineNumbers.Contains(l.LineNumber))]);
        await events.PublishAsync(handler => handler.OrderLinesRefundedAsync(context, cancellationToken), nameof(IOrderEvents.OrderLinesRefundedAsync));
        await transaction.CommitAsync(cancellationToken);
        return order;
    }

    /// <summary>
    /// Remembers the provider's reference of a Pending order's confirmed charge, in its own write, so
    /// that completing the order later never charges again. False when the order is no longer Pending.
    /// </summary>
    public async Task<bool> RecordPaymentAsync(int orderId, string reference, CancellationToken cancellationToken) =>
        await db.Orders.Where(o => o.Id == orderId && o.Status == OrderStatus.Pending && (o.PaymentReference == null || o.PaymentReference == reference))
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.PaymentReference, reference), cancellationToken) > 0;

    /// <summary>
    /// Notes on a paid order what its payment provider reported (a partial refund, a dispute, the
    /// dispute's end): a timeline entry, and with <paramref name="needsAttention"/> the order is
    /// listed for the admin to decide (without, it is no longer listed). Not a status change. False
    /// when the order is neither Paid nor PartiallyRefunded.
    /// </summary>
    public async Task<bool> RecordProviderReportAsync(int orderId, string note, bool needsAttention, OrderActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(note);
        await using var transaction = await database.BeginTransactionAsync(cancellationToken);
        var flag = needsAttention ? Truncate(note, 500) : null;
        if (await db.Orders.Where(o => o.Id == orderId && (o.Status == OrderStatus.Paid || o.Status == OrderStatus.PartiallyRefunded))
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.ProviderNote, flag), cancellationToken) == 0)
        {
            return false;
        }

        await NoteAsync(orderId, note, actor, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Adds a timeline entry (in the scope's transaction when there is one).</summary>
    public async Task NoteAsync(int orderId, string message, OrderActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        db.OrderTimeline.Add(new OrderTimelineEntry { OrderId = orderId, At = clock.GetUtcNow(), Message = Truncate(message), Actor = actor.Name });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The order with its lines, untracked; not its timeline, which has no bound (the admin page pages it).</summary>
    public Task<Order?> LoadAsync(int orderId, CancellationToken cancellationToken) =>
        db.Orders.AsNoTracking()
            .Include(o => o.Lines.OrderBy(l => l.LineNumber))
            .FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken);

    /// <summary>The order numbered <paramref name="number"/> with its lines, untracked; null when there is none.</summary>
    public Task<Order?> FindAsync(string number, CancellationToken cancellationToken) =>
        !OrderNumbers.IsPlausible(number)
            ? Task.FromResult<Order?>(null)
            : db.Orders.AsNoTracking()
                .Include(o => o.Lines.OrderBy(l => l.LineNumber))
                .FirstOrDefaultAsync(o => o.Number == number, cancellationToken);

    private async Task<Order?> ChangeAsync(
        OrderStatusChange change,
        int orderId,
        Action<UpdateSettersBuilder<Order>>? alsoSet,
        string message,
        OrderActor actor,
        Func<IOrderEvents, OrderEventContext, Task>? publish,
        string eventName,
        string? reason,
        CancellationToken cancellationToken,
        Func<Task>? alsoDo = null)
    {
        await using var transaction = await database.BeginTransactionAsync(cancellationToken);
        var from = change.From.ToList();
        var match = db.Orders.Where(o => o.Id == orderId && from.Contains(o.Status));
        match = change.NeedsPaymentReference switch
        {
            true => match.Where(o => o.PaymentReference != null),
            false => match.Where(o => o.PaymentReference == null),
            null => match,
        };
        var to = change.To;
        if (await match.ExecuteUpdateAsync(s => { s.SetProperty(o => o.Status, to); alsoSet?.Invoke(s); }, cancellationToken) == 0)
        {
            return null;
        }

        if (alsoDo is not null)
        {
            await alsoDo();
        }

        if (to is OrderStatus.Refunded or OrderStatus.PaymentFailed or OrderStatus.Cancelled)
        {
            await redemptions.ReleaseAsync(orderId, clock.GetUtcNow(), cancellationToken); // nothing was sold, or all of it went back
        }

        await NoteAsync(orderId, message, actor, cancellationToken);
        var order = await LoadAsync(orderId, cancellationToken)
            ?? throw new InvalidOperationException($"Order {orderId} vanished inside its own transaction.");
        if (publish is not null)
        {
            var context = new OrderEventContext(await snapshots.TakeAsync(order, cancellationToken), actor, reason);
            await events.PublishAsync(handler => publish(handler, context), eventName);
        }

        await transaction.CommitAsync(cancellationToken);
        return order;
    }

    private static string Truncate(string message, int length = 1000) => message.Length <= length ? message : message[..length];
}
