namespace CP.Commerce.Events;

/// <summary>
/// What an <see cref="IOrderEvents"/> handler gets. The handler runs inside the database transaction
/// of the order's status change (every module DbContext and command of the scope uses it, see
/// <c>SiteDatabase</c> and docs/architecture.md): if the handler throws, the status change rolls back.
/// </summary>
/// <param name="Order">The order after the change.</param>
/// <param name="Actor">Who caused it.</param>
/// <param name="Reason">The refund reason (refunds only).</param>
/// <param name="RefundedLines">The lines a line refund gave back (<see cref="IOrderEvents.OrderLinesRefundedAsync"/> only); empty otherwise.</param>
public sealed record OrderEventContext(OrderSnapshot Order, OrderActor Actor, string? Reason = null, IReadOnlyList<OrderLineSnapshot>? RefundedLines = null)
{
    public IReadOnlyList<OrderLineSnapshot> RefundedLines { get; init; } = RefundedLines ?? [];
}
