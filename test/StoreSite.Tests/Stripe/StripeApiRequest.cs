namespace StoreSite.Tests.Stripe;

/// <summary>A request the <see cref="StripeApiStandIn"/> received: form fields as Stripe.net encodes them (<c>line_items[0][quantity]</c>).</summary>
public sealed record StripeApiRequest(string Method, string Path, string Authorization, string? IdempotencyKey, Dictionary<string, string> Form);
