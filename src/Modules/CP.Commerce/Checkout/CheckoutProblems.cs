namespace CP.Commerce.Checkout;

/// <summary>
/// Why a checkout did not end with a paid order (<see cref="StoreSite.Outcome{T}.Problem"/> codes of
/// <see cref="CheckoutProcessor.CheckoutAsync"/>); the words are the web layer's (<c>Controllers/CheckoutMessages</c>).
/// The first five ordered nothing; with the last three the outcome still carries the order it made.
/// </summary>
public static class CheckoutProblems
{
    /// <summary>The form's idempotency key is missing, malformed or another customer's (field <c>CheckoutKey</c>).</summary>
    public const string StaleForm = "stale_form";

    /// <summary>No payment provider is chosen or enabled.</summary>
    public const string PaymentsNotSetUp = "payments_not_set_up";

    public const string CartEmpty = "cart_empty";

    /// <summary>A line of the cart is no longer sold (detail: "product – plan").</summary>
    public const string ItemUnavailable = "item_unavailable";

    /// <summary>
    /// The cart's discount code cannot be used (detail: the <see cref="Discounts.DiscountProblems"/> code),
    /// found when pricing or when redeeming it with the order, which then is not placed.
    /// </summary>
    public const string DiscountRefused = "discount_refused";

    /// <summary>The provider could not be reached; the order is Pending (value: the order).</summary>
    public const string ProviderUnreachable = "provider_unreachable";

    /// <summary>The provider declined; the order is PaymentFailed and the cart is kept (value: the order; detail: the provider's message, if any).</summary>
    public const string Declined = "declined";

    /// <summary>
    /// The provider takes the payment on its own page: send the customer to the detail (the provider's
    /// URL); the order stays Pending until the provider confirms (value: the order).
    /// </summary>
    public const string AwaitingProvider = "awaiting_provider";

    /// <summary>The provider took the payment but the order could not be completed; it stays Pending for the admin to finish (value: the order).</summary>
    public const string NotCompleted = "not_completed";
}
