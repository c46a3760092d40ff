namespace CP.Commerce.Models;

/// <summary>Where an order stands. Paid and PartiallyRefunded orders can be refunded (line by line).</summary>
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

    /// <summary>Some lines were refunded (their parts undone), the others stay paid; Refunded once every line is.</summary>
    PartiallyRefunded,
}
