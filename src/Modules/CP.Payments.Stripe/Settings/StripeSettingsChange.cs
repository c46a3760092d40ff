namespace CP.Payments.Stripe.Settings;

/// <summary>
/// What to change in the stored keys: a null value leaves the key as it is (a secret is never shown
/// back, so an empty field means "keep"); <c>Clear…</c> removes a stored secret.
/// </summary>
public sealed record StripeSettingsChange(
    string? SecretKey,
    string? PublishableKey,
    string? WebhookSecret,
    bool ClearSecretKey = false,
    bool ClearWebhookSecret = false);
