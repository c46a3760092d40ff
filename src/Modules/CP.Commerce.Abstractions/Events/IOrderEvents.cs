namespace CP.Commerce.Events;

/// <summary>
/// Order events other modules react to, in the same transaction as the status change (unlike
/// OrchardCore.Commerce, there is a refund event). Every method has a default body, so a handler
/// implements only what it needs. Handlers of disabled modules are not called.
/// </summary>
public interface IOrderEvents
{
    /// <summary>
    /// Asked before a refund moves any money: null lets it go on, a refusal stops it (the order stays
    /// Paid and the payment provider is not asked). Must not change anything.
    /// </summary>
    Task<OrderEventRefusal?> CanRefundAsync(OrderSnapshot order, CancellationToken cancellationToken) => Task.FromResult<OrderEventRefusal?>(null);

    /// <summary>The payment provider confirmed the charge and the order is now Paid.</summary>
    Task OrderPaidAsync(OrderEventContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The order was refunded in full; <see cref="OrderEventContext.Reason"/> says why.</summary>
    Task OrderRefundedAsync(OrderEventContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Some lines were refunded (<see cref="OrderEventContext.RefundedLines"/>): undo what each of them
    /// did, by its kind, and nothing of the other lines. When the last lines of an order are refunded
    /// so, this is the only event (the order is then Refunded; <see cref="OrderRefundedAsync"/> is not raised).
    /// </summary>
    Task OrderLinesRefundedAsync(OrderEventContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// The customer disputed the payment of a paid order at its provider (<see cref="OrderEventContext.Reason"/>:
    /// the provider's reason, when it gave one). The order's status does not change.
    /// </summary>
    Task OrderDisputeOpenedAsync(OrderEventContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// The dispute ended: <paramref name="won"/> the payment stands; lost, the money went back and
    /// <see cref="OrderRefundedAsync"/> follows (reason "Payment disputed").
    /// </summary>
    Task OrderDisputeClosedAsync(OrderEventContext context, bool won, CancellationToken cancellationToken) => Task.CompletedTask;
}
