using CP.Commerce.Cart;

namespace CP.Commerce.ViewModels;

/// <summary>The checkout page: the priced cart, the form's idempotency key and the payment provider.</summary>
public sealed record CheckoutViewModel(PricedCart Cart, string CheckoutKey, string? ProviderName, bool IsTestMode, string Email, bool OnTestKeys = false);
