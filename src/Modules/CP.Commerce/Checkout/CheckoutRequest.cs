using CP.Commerce.Cart;

namespace CP.Commerce.Checkout;

/// <summary>A signed-in customer's checkout: the cart, the form's idempotency key and the test-mode decline switch.</summary>
public sealed record CheckoutRequest(string CustomerId, string CustomerEmail, string CheckoutKey, ShoppingCart Cart, bool SimulateDecline);
