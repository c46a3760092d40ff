namespace CP.Commerce.Checkout;

/// <summary>How a checkout ended.</summary>
public enum CheckoutStatus
{
    /// <summary>The order is Paid.</summary>
    Paid,

    /// <summary>This checkout form was already submitted: the order it made is returned, nothing charged again.</summary>
    AlreadySubmitted,

    /// <summary>The provider declined; the order is PaymentFailed and the cart is kept.</summary>
    Declined,

    /// <summary>Nothing was ordered (empty cart, unavailable items, payments not set up, stale form).</summary>
    Refused,

    /// <summary>The provider took the payment but the order could not be completed; it stays Pending for the admin to finish.</summary>
    NotCompleted,
}
