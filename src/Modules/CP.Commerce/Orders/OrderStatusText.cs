using CP.Commerce.Models;

namespace CP.Commerce.Orders;

/// <summary>Order statuses in people's words, and the badge that shows them.</summary>
public static class OrderStatusText
{
    public static string Of(OrderStatus status) => status switch
    {
        OrderStatus.Pending => "Pending",
        OrderStatus.Paid => "Paid",
        OrderStatus.PaymentFailed => "Payment failed",
        OrderStatus.Cancelled => "Cancelled",
        OrderStatus.RefundPending => "Refund pending",
        OrderStatus.Refunded => "Refunded",
        OrderStatus.PartiallyRefunded => "Partially refunded",
        _ => status.ToString(),
    };

    public static string Badge(OrderStatus status) => status switch
    {
        OrderStatus.Paid => "badge-active",
        OrderStatus.Pending or OrderStatus.RefundPending or OrderStatus.PartiallyRefunded => "badge-warning",
        OrderStatus.PaymentFailed => "badge-revoked",
        _ => "badge-muted",
    };
}
