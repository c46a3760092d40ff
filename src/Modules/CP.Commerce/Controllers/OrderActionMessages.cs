using CP.Commerce.Models;
using CP.Commerce.Orders;
using StoreSite;

namespace CP.Commerce.Controllers;

/// <summary>The words the admin reads about an action on an order, chosen from the service's <see cref="OrderProblems"/> code.</summary>
public static class OrderActionMessages
{
    public const string RefundReasonRequired = "Give the reason for the refund.";
    public const string CancelReasonRequired = "Give the reason for cancelling the order.";
    public const string ReasonTooLong = "The reason must be at most 500 characters.";

    public static string Refunded(Order order) => $"Order {Number(order)} has been refunded.";

    public static string LinesRefunded(Order order) => order.Status == OrderStatus.Refunded
        ? Refunded(order)
        : $"The lines have been refunded; order {Number(order)} is {OrderStatusText.Of(order.Status)}.";

    public static string Cancelled(Order order) => $"Order {Number(order)} has been cancelled; no payment can be taken for it any more.";

    public static string Paid(Order order) => $"Order {Number(order)} is now paid.";

    /// <summary>What the admin can do about a stuck order.</summary>
    public static string Advice(OrderAttention attention) => attention switch
    {
        OrderAttention.FinishRefund => "The money went back; finish the refund.",
        OrderAttention.FinishPayment => "The payment was confirmed; finish the payment.",
        OrderAttention.CancelOrFinish => "The payment was never confirmed; cancel the order or finish it if it was charged.",
        OrderAttention.ProviderReport => "The payment provider reported a partial refund or a dispute; see the order's timeline and decide.",
        _ => attention.ToString(),
    };

    /// <summary>Why a refund (or finishing one) of <paramref name="order"/> did not happen; <paramref name="provider"/> is the provider's display name.</summary>
    public static string RefundRefused(Outcome outcome, Order order, string provider)
    {
        ArgumentNullException.ThrowIfNull(order);
        return outcome.Problem switch
        {
            OrderProblems.AlreadyRefunded => "This order has already been refunded.",
            OrderProblems.RefundPending => "The money of this order has already been refunded; use Finish refund to complete the refund in the store.",
            OrderProblems.NotPaid => $"Only paid orders can be refunded; this order is {OrderStatusText.Of(order.Status)}.",
            OrderProblems.NotRefundPending when order.Status == OrderStatus.RefundPending => "This order is no longer waiting for its refund to finish.",
            OrderProblems.NotRefundPending => $"Only an order whose refund is pending can be finished; this order is {OrderStatusText.Of(order.Status)}.",
            OrderProblems.ReasonRequired => RefundReasonRequired,
            OrderProblems.ReasonTooLong => ReasonTooLong,
            OrderProblems.ProviderUnavailable => $"The payment provider '{outcome.Detail}' that took this payment is not available, so the order cannot be refunded here.",
            OrderProblems.RefusedByModule => $"The refund was not made: {outcome.Detail}. No money was refunded and the order is still Paid.",
            OrderProblems.ProviderUnreachable => $"{provider} could not be reached: {outcome.Detail} The order is still Paid; refunding it again is safe, the provider refunds an order only once.",
            OrderProblems.ProviderRefused => $"{provider} refused the refund: {outcome.Detail} The order is still Paid.",
            OrderProblems.PartiallyRefunded => "Some lines of this order are refunded already; refund the others line by line.",
            OrderProblems.NoLines => "Choose at least one line to refund.",
            OrderProblems.UnknownLine => $"Line '{outcome.Detail}' is not a line of order {order.Number}; nothing was refunded.",
            OrderProblems.LineAlreadyRefunded => $"Line {outcome.Detail} of this order has already been refunded; nothing was refunded.",
            OrderProblems.StoreFailedAfterLineRefund => $"{provider} refunded the lines, but the store could not undo them: {outcome.Detail}. The lines are still paid in the store; refund the same lines again once the problem is fixed (the provider does not refund them twice).",
            OrderProblems.Changed => "This order is already being refunded.",
            OrderProblems.StoreFailedAfterRefund => $"The money was refunded, but the store could not finish the refund: {outcome.Detail}. The order is Refund pending; use Finish refund once the problem is fixed.",
            _ => Unknown(outcome),
        };
    }

    /// <summary>Why a cancel of <paramref name="order"/> did not happen.</summary>
    public static string CancelRefused(Outcome outcome, Order order, string provider)
    {
        ArgumentNullException.ThrowIfNull(order);
        return outcome.Problem switch
        {
            OrderProblems.PaymentConfirmed => "The payment provider confirmed this order's payment, so it cannot be cancelled. Use Finish payment to complete it, and refund it afterwards if it should not stand.",
            OrderProblems.AlreadyCancelled => "This order has already been cancelled.",
            OrderProblems.PaidNotCancellable => "This order is paid, so it cannot be cancelled; refund it instead.",
            OrderProblems.NotPending => $"Only orders waiting for their payment can be cancelled; this order is {OrderStatusText.Of(order.Status)}.",
            OrderProblems.ReasonRequired => CancelReasonRequired,
            OrderProblems.ReasonTooLong => ReasonTooLong,
            OrderProblems.ProviderUnavailable => $"The payment provider '{outcome.Detail}' of this order is not available, so the store cannot make sure the order was not charged. The order is still Pending.",
            OrderProblems.ProviderUnreachable => $"{provider} could not be reached, so the order was not cancelled: {outcome.Detail} The order is still Pending; try again later.",
            OrderProblems.ProviderRefused => $"{provider} refused to void the payment: {outcome.Detail} The order is still Pending.",
            OrderProblems.ChargedAfterAll => $"The order was not cancelled: {provider} reports that it was charged ({outcome.Detail}). Use Finish payment to complete it, and refund it afterwards if it should not stand.",
            OrderProblems.Changed => "The order changed meanwhile; reload it and try again.",
            _ => Unknown(outcome),
        };
    }

    private static string Number(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order.Number;
    }

    private static string Unknown(Outcome outcome) => $"The action was refused ({outcome.Problem}{(outcome.Detail is null ? string.Empty : ": " + outcome.Detail)}).";
}
