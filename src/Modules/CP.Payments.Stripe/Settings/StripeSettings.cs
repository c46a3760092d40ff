namespace CP.Payments.Stripe.Settings;

/// <summary>
/// The Stripe keys stored in Admin -> Payments (site settings section <see cref="Section"/>). The
/// secret key and the webhook signing secret are stored protected with ASP.NET Core Data Protection.
/// </summary>
public sealed class StripeSettings
{
    public const string Section = "Stripe";

    /// <summary>The secret key, protected.</summary>
    public string? ProtectedSecretKey { get; set; }

    /// <summary>The publishable key (public by nature, stored as it is).</summary>
    public string? PublishableKey { get; set; }

    /// <summary>The webhook signing secret, protected.</summary>
    public string? ProtectedWebhookSecret { get; set; }
}
