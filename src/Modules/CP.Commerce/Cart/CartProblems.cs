namespace CP.Commerce.Cart;

/// <summary>
/// Why a change to the cart is refused (<see cref="StoreSite.Outcome.Problem"/> codes of
/// <see cref="ShoppingCart"/> and the cart page); the words are the web layer's (<c>Controllers/CartMessages</c>).
/// </summary>
public static class CartProblems
{
    /// <summary>The quantity is outside 1 to <see cref="ShoppingCart.MaxQuantity"/> (field <c>Quantity</c>).</summary>
    public const string QuantityOutOfRange = "quantity_out_of_range";

    /// <summary>The cart already holds <see cref="ShoppingCart.MaxLines"/> different plans.</summary>
    public const string TooManyLines = "too_many_lines";

    /// <summary>Adding would put more than <see cref="ShoppingCart.MaxQuantity"/> of one plan in the cart.</summary>
    public const string TooManyOfOnePlan = "too_many_of_one_plan";

    /// <summary>The plan is not in the cart.</summary>
    public const string NotInCart = "not_in_cart";

    /// <summary>The renewal of that key is already in the cart (a key is renewed once per order).</summary>
    public const string RenewalInCart = "renewal_in_cart";

    /// <summary>The key already has another change in the cart (its renewal or its upgrade: one per key and order).</summary>
    public const string KeyInCart = "key_in_cart";

    /// <summary>The plan does not exist or is not sold (field <c>PlanId</c>).</summary>
    public const string PlanUnavailable = "plan_unavailable";
}
