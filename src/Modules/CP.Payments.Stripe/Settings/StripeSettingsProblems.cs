namespace CP.Payments.Stripe.Settings;

/// <summary>The codes of <see cref="StripeSettingsStore"/>'s refusals; the admin's words are chosen in the controller.</summary>
public static class StripeSettingsProblems
{
    /// <summary>A secret key must start with <c>sk_</c> or <c>rk_</c>.</summary>
    public const string SecretKeyShape = "secret_key_shape";

    /// <summary>A publishable key must start with <c>pk_</c>.</summary>
    public const string PublishableKeyShape = "publishable_key_shape";

    /// <summary>A webhook signing secret must start with <c>whsec_</c>.</summary>
    public const string WebhookSecretShape = "webhook_secret_shape";

    /// <summary>Test connection without a secret key.</summary>
    public const string NoSecretKey = "no_secret_key";

    /// <summary>Stripe refused the call or could not be reached (the detail says what Stripe answered).</summary>
    public const string StripeError = "stripe_error";
}
