namespace CP.Payments.Stripe.Models;

/// <summary>What the store did with a webhook event.</summary>
public enum StripeEventOutcome
{
    /// <summary>Applied to its order.</summary>
    Applied = 0,

    /// <summary>Nothing to do (an event type the store does not use, or one that changes nothing).</summary>
    Ignored = 1,

    /// <summary>Kept until its order can take it (e.g. a refund that arrived before the payment); applied then.</summary>
    Waiting = 2,
}
