namespace CP.Payments.Stripe.Settings;

/// <summary>The keys the module uses now (configuration wins over stored settings), with where each comes from.</summary>
public sealed record StripeKeys(
    string? SecretKey,
    StripeKeySource SecretKeySource,
    string? PublishableKey,
    StripeKeySource PublishableKeySource,
    string? WebhookSecret,
    StripeKeySource WebhookSecretSource)
{
    /// <summary>True when a test-mode secret key is in use (<c>sk_test_…</c> / <c>rk_test_…</c>).</summary>
    public bool IsTestMode => SecretKey is not null && SecretKey.Contains("_test_", StringComparison.Ordinal);
}
