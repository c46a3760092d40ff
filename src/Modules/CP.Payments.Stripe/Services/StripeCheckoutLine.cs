namespace CP.Payments.Stripe.Services;

/// <summary>One line of a <see cref="StripeCheckoutOrder"/>.</summary>
public sealed record StripeCheckoutLine(string Name, decimal UnitPrice, int Quantity);
