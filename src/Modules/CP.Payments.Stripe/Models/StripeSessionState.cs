namespace CP.Payments.Stripe.Models;

/// <summary>Where a Checkout Session stands, as the store last learned it from Stripe.</summary>
public enum StripeSessionState
{
    /// <summary>Created; the customer may still pay.</summary>
    Open = 0,

    /// <summary>Paid (the payment intent is known).</summary>
    Paid = 1,

    /// <summary>Expired, or its delayed payment failed: nothing can be paid through it any more.</summary>
    Closed = 2,
}
