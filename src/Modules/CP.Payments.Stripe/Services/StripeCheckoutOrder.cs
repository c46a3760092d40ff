namespace CP.Payments.Stripe.Services;

/// <summary>What a Checkout Session is made from: the order's number, currency, customer and lines (names as on the order).</summary>
public sealed record StripeCheckoutOrder(string OrderNumber, string Currency, string CustomerEmail, IReadOnlyList<StripeCheckoutLine> Lines);
