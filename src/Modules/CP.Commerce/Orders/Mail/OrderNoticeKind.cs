namespace CP.Commerce.Orders.Mail;

/// <summary>Which notice <see cref="OrderNoticeHtml"/> and <see cref="OrderNoticeText"/> tell the customer.</summary>
public enum OrderNoticeKind
{
    /// <summary>The order was refunded in full.</summary>
    Refunded,

    /// <summary>The order was cancelled before it was charged.</summary>
    Cancelled,

    /// <summary>Some of the order's lines were refunded; the others stay paid.</summary>
    PartlyRefunded,
}
