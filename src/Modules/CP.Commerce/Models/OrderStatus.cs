namespace CP.Commerce.Models;

/// <summary>Where an order stands. Only <see cref="Paid"/> orders can be refunded.</summary>
public enum OrderStatus
{
    /// <summary>Created, payment not confirmed yet.</summary>
    Pending,

    /// <summary>The payment provider confirmed the charge.</summary>
    Paid,

    /// <summary>The provider declined the charge.</summary>
    PaymentFailed,

    Cancelled,

    /// <summary>The provider refunded the money but the store's part (events) has not committed yet; finishing it never refunds twice.</summary>
    RefundPending,

    Refunded,
}
