using System.ComponentModel.DataAnnotations;
using CP.Payments.Stripe.Settings;

namespace CP.Payments.Stripe.ViewModels;

/// <summary>
/// Admin -> Payments -> Stripe. The posted fields are the keys to change (empty = keep); what the
/// page shows of the secrets is only whether they are set and where from.
/// </summary>
public sealed class StripeSettingsViewModel
{
    [StringLength(StripeSettingsStore.MaxKeyLength)]
    public string? SecretKey { get; set; }

    [StringLength(StripeSettingsStore.MaxKeyLength)]
    public string? PublishableKey { get; set; }

    [StringLength(StripeSettingsStore.MaxKeyLength)]
    public string? WebhookSecret { get; set; }

    public bool ClearSecretKey { get; set; }

    public bool ClearWebhookSecret { get; set; }

    public StripeKeySource SecretKeySource { get; set; }

    public StripeKeySource PublishableKeySource { get; set; }

    public StripeKeySource WebhookSecretSource { get; set; }

    /// <summary>The publishable key in use (public by nature, so shown).</summary>
    public string? PublishableKeyInUse { get; set; }

    public bool IsTestMode { get; set; }

    /// <summary>Where Stripe must send events (for the dashboard or <c>stripe listen --forward-to</c>).</summary>
    public string? WebhookUrl { get; set; }
}
