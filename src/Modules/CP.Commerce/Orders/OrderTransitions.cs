using CP.Commerce.Data;
using CP.Commerce.Events;
using CP.Commerce.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using StoreSite.Data;

namespace CP.Commerce.Orders;

/// <summary>
/// Moves an order from one status to the next with a conditional UPDATE (the database decides who
/// wins a race), a timeline entry and the order event handlers, all in one transaction: if a handler
/// throws, nothing of the change is kept.
/// </summary>
public sealed class OrderTransitions(CommerceDbContext db, SiteDatabase database, OrderEventPublisher events, TimeProvider clock)
{
    /// <summary>Pending (with a confirmed payment reference) -> Paid, then <see cref="IOrderEvents.OrderPaidAsync"/>.</summary>
    public Task<Order?> MarkPaidAsync(int orderId, OrderActor actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return ChangeAsync(
            db.Orders.Where(o => o.Id == orderId && o.Status == OrderStatus.Pending && o.PaymentReference != null),
            s => s.SetProperty(o => o.Status, OrderStatus.Paid).SetProperty(o => o.PaidAt, now),
            orderId,
            "Order paid.",
            actor,
            (handler, context) => handler.OrderPaidAsync(context, cancellationToken),
            nameof(IOrderEvents.OrderPaidAsync),
            reason: null,
            commit: true,
            cancellationToken);
    }

    /// <summary>Pending -> PaymentFailed (no event: nothing was sold).</summary>
    public Task<Order?> MarkPaymentFailedAsync(int orderId, string message, OrderActor actor, CancellationToken cancellationToken) =>
        EndUnsoldAsync(db.Orders.Where(o => o.Id == orderId && o.Status == OrderStatus.Pending), OrderStatus.PaymentFailed, orderId, message, actor, cancellationToken);

    /// <summary>Pending without a confirmed payment -> Cancelled (no event: nothing was sold).</summary>
    public Task<Order?> MarkCancelledAsync(int orderId, string reason, OrderActor actor, CancellationToken cancellationToken) =>
        EndUnsoldAsync(
            db.Orders.Where(o => o.Id == orderId && o.Status == OrderStatus.Pending && o.PaymentReference == null),
            OrderStatus.Cancelled,
            orderId,
            $"Order cancelled. Reason: {reason}",
            actor,
            cancellationToken);

    /// <summary>
    /// <paramref name="from"/> -> Refunded, then <see cref="IOrderEvents.OrderRefundedAsync"/>. With
    /// <paramref name="commit"/> false it is a rehearsal: everything runs and is then rolled back, so
    /// a handler that refuses the refund is known before the provider gives any money back.
    /// </summary>
    public Task<Order?> MarkRefundedAsync(int orderId, OrderStatus from, string reason, OrderActor actor, bool commit, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return ChangeAsync(
            db.Orders.Where(o => o.Id == orderId && o.Status == from),
            s => s.SetProperty(o => o.Status, OrderStatus.Refunded).SetProperty(o => o.RefundedAt, now).SetProperty(o => o.RefundReason, reason),
            orderId,
            $"Order refunded. Reason: {reason}",
            actor,
            (handler, context) => handler.OrderRefundedAsync(context, cancellationToken),
            nameof(IOrderEvents.OrderRefundedAsync),
            reason,
            commit,
            cancellationToken);
    }

    /// <summary>
    /// Remembers the provider's reference of a Pending order's confirmed charge, in its own write, so
    /// that completing the order later never charges again. False when the order is no longer Pending.
    /// </summary>
    public async Task<bool> RecordPaymentAsync(int orderId, string reference, CancellationToken cancellationToken) =>
        await db.Orders.Where(o => o.Id == orderId && o.Status == OrderStatus.Pending && (o.PaymentReference == null || o.PaymentReference == reference))
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.PaymentReference, reference), cancellationToken) > 0;

    /// <summary>Adds a timeline entry in its own write (outside any event).</summary>
    public async Task NoteAsync(int orderId, string message, OrderActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        db.OrderTimeline.Add(new OrderTimelineEntry { OrderId = orderId, At = clock.GetUtcNow(), Message = Truncate(message), Actor = actor.Name });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The order an admin action with a reason applies to, with the reason trimmed; or why the action
    /// is refused: no such order, <paramref name="refusalFor"/> says no to it, or no reason.
    /// </summary>
    public async Task<(Order? Order, string Reason, string? Refusal)> FindActionableAsync(
        string number, Func<Order, string?> refusalFor, string? reason, string missingReason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(refusalFor);
        var order = await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.Number == number, cancellationToken);
        var refusal = order is null ? $"There is no order {number}."
            : refusalFor(order) ?? (string.IsNullOrWhiteSpace(reason) ? missingReason : null);
        return (refusal is null ? order : null, reason?.Trim() ?? string.Empty, refusal);
    }

    /// <summary>The order with its lines, untracked; not its timeline, which has no bound (the admin page pages it).</summary>
    public Task<Order?> LoadAsync(int orderId, CancellationToken cancellationToken) =>
        db.Orders.AsNoTracking()
            .Include(o => o.Lines.OrderBy(l => l.LineNumber))
            .FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken);

    /// <summary>An order that sold nothing ends in <paramref name="status"/>: no order event runs.</summary>
    private Task<Order?> EndUnsoldAsync(IQueryable<Order> match, OrderStatus status, int orderId, string message, OrderActor actor, CancellationToken cancellationToken) =>
        ChangeAsync(match, s => s.SetProperty(o => o.Status, status), orderId, message, actor, publish: null, eventName: string.Empty, reason: null, commit: true, cancellationToken);

    private async Task<Order?> ChangeAsync(
        IQueryable<Order> match,
        Action<UpdateSettersBuilder<Order>> set,
        int orderId,
        string message,
        OrderActor actor,
        Func<IOrderEvents, OrderEventContext, Task>? publish,
        string eventName,
        string? reason,
        bool commit,
        CancellationToken cancellationToken)
    {
        await using var transaction = await database.BeginTransactionAsync(cancellationToken);
        if (!commit && !transaction.IsOwner)
        {
            throw new InvalidOperationException("A rehearsal must own its transaction, or rolling it back would undo more than itself.");
        }

        if (await match.ExecuteUpdateAsync(set, cancellationToken) == 0)
        {
            return null;
        }

        await NoteAsync(orderId, message, actor, cancellationToken);
        var order = await LoadAsync(orderId, cancellationToken)
            ?? throw new InvalidOperationException($"Order {orderId} vanished inside its own transaction.");
        if (publish is not null)
        {
            var context = new OrderEventContext(order, actor, database.Transaction!, reason) { IsRehearsal = !commit };
            await events.PublishAsync(handler => publish(handler, context), eventName);
        }

        if (commit)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return order;
    }

    private static string Truncate(string message) => message.Length <= 1000 ? message : message[..1000];
}
