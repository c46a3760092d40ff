namespace CP.Payments.Stripe.Services;

/// <summary>The codes of the Stripe services' refusals; the words people read are chosen in the web layer.</summary>
public static class StripeProblems
{
    /// <summary>No secret key is set (Admin -> Payments or configuration).</summary>
    public const string NotConfigured = "stripe_not_configured";

    /// <summary>Stripe refused the call; the detail carries Stripe's message.</summary>
    public const string StripeError = "stripe_error";

    /// <summary>Stripe could not be reached or failed (the call may be tried again); the detail says what happened.</summary>
    public const string StripeUnreachable = "stripe_unreachable";

    /// <summary>The store has no Checkout Session of the order.</summary>
    public const string NoSession = "stripe_no_session";
}
