namespace CP.Payments.Stripe;

/// <summary>
/// Configuration <c>StoreSite:Stripe</c> (e.g. <c>StoreSite__Stripe__SecretKey</c>). A key set here
/// wins over the one stored in Admin -> Payments.
/// </summary>
public sealed class StripeOptions
{
    public const string Section = "StoreSite:Stripe";

    public const string DefaultApiBase = "https://api.stripe.com";

    /// <summary>The secret (or restricted) API key, <c>sk_…</c> / <c>rk_…</c>.</summary>
    public string? SecretKey { get; set; }

    /// <summary>The publishable key, <c>pk_…</c>.</summary>
    public string? PublishableKey { get; set; }

    /// <summary>The webhook endpoint's signing secret, <c>whsec_…</c>.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Where Stripe's API answers; tests and local mocks point it elsewhere.</summary>
    public string ApiBase { get; set; } = DefaultApiBase;

    /// <summary>True when <see cref="ApiBase"/> is an absolute http or https address.</summary>
    public bool HasValidApiBase() =>
        Uri.TryCreate(ApiBase, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
