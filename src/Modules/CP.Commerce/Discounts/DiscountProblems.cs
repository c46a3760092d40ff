namespace CP.Commerce.Discounts;

/// <summary>
/// Why a discount code is refused in the cart or at checkout (<see cref="DiscountEvaluator"/>,
/// <see cref="DiscountRedemptions"/>); the words are the web layer's (<c>Controllers/DiscountMessages</c>).
/// </summary>
public static class DiscountProblems
{
    /// <summary>No code like it (or not a code at all).</summary>
    public const string Unknown = "discount_unknown";

    /// <summary>The admin deactivated the code.</summary>
    public const string Inactive = "discount_inactive";

    /// <summary>Its first valid day (store time zone) is still to come.</summary>
    public const string NotYetValid = "discount_not_yet_valid";

    /// <summary>Its last valid day (store time zone) is past.</summary>
    public const string Expired = "discount_expired";

    /// <summary>No line of the cart is of its products or plans and of its kinds (new purchases, renewals).</summary>
    public const string NotForTheseItems = "discount_not_for_these_items";

    /// <summary>Its total number of redemptions is reached.</summary>
    public const string UsedUp = "discount_used_up";

    /// <summary>The customer has used it as many times as one customer may.</summary>
    public const string UsedUpForCustomer = "discount_used_up_for_customer";
}
