using CP.Commerce.Models;

namespace CP.Commerce.Orders;

/// <summary>
/// One move of an order's status: the statuses it may start from and whether it needs a confirmed
/// payment reference (or its absence). <see cref="OrderTransitions"/> turns it into the conditional
/// UPDATE that makes the move, so the rule here and the one the database applies are the same.
/// </summary>
public sealed record OrderStatusChange(OrderStatus To, IReadOnlyList<OrderStatus> From, bool? NeedsPaymentReference = null)
{
    /// <summary>Pending with a confirmed charge -> Paid (events: paid).</summary>
    public static OrderStatusChange Pay { get; } = new(OrderStatus.Paid, [OrderStatus.Pending], NeedsPaymentReference: true);

    /// <summary>Pending -> PaymentFailed: the provider declined (no event: nothing was sold).</summary>
    public static OrderStatusChange FailPayment { get; } = new(OrderStatus.PaymentFailed, [OrderStatus.Pending]);

    /// <summary>Pending without a confirmed charge -> Cancelled (no event: nothing was sold).</summary>
    public static OrderStatusChange Cancel { get; } = new(OrderStatus.Cancelled, [OrderStatus.Pending], NeedsPaymentReference: false);

    /// <summary>Paid (or PartiallyRefunded: the rest) -> RefundPending: the provider gave the money back; the store's part follows.</summary>
    public static OrderStatusChange BeginRefund { get; } = new(OrderStatus.RefundPending, [OrderStatus.Paid, OrderStatus.PartiallyRefunded], NeedsPaymentReference: true);

    /// <summary>RefundPending -> Refunded (events: refunded).</summary>
    public static OrderStatusChange FinishRefund { get; } = new(OrderStatus.Refunded, [OrderStatus.RefundPending]);

    /// <summary>Paid or PartiallyRefunded -> PartiallyRefunded: some lines refunded, others left (events: lines refunded).</summary>
    public static OrderStatusChange RefundSomeLines { get; } = new(OrderStatus.PartiallyRefunded, [OrderStatus.Paid, OrderStatus.PartiallyRefunded], NeedsPaymentReference: true);

    /// <summary>Paid or PartiallyRefunded -> Refunded: the last lines refunded (events: lines refunded).</summary>
    public static OrderStatusChange FinishLineRefund { get; } = new(OrderStatus.Refunded, [OrderStatus.Paid, OrderStatus.PartiallyRefunded], NeedsPaymentReference: true);

    /// <summary>True when an order in <paramref name="status"/> (with or without a payment reference) can make this move.</summary>
    public bool Allows(OrderStatus status, bool hasPaymentReference) =>
        From.Contains(status) && (NeedsPaymentReference is not { } needed || needed == hasPaymentReference);

    public bool Allows(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return Allows(order.Status, order.PaymentReference is not null);
    }
}
