namespace CP.Commerce.Payments;

/// <summary>Names of the checkout (and admin order) routes a payment provider links to (with <c>LinkGenerator.GetPathByName</c>).</summary>
public static class CheckoutRouteNames
{
    /// <summary><c>/checkout/done/{number}</c>: where the customer comes back after paying on a provider's page; it waits for the provider's confirmation.</summary>
    public const string Done = "CP.Commerce.CheckoutDone";

    /// <summary><c>/checkout/cancelled/{number}</c>: where the customer comes back when they leave a provider's page without paying.</summary>
    public const string Cancelled = "CP.Commerce.CheckoutCancelled";

    /// <summary><c>/admin/orders/{number}</c>: the order in the admin, linked from a provider's mail to the store's administrators.</summary>
    public const string AdminOrder = "CP.Commerce.AdminOrder";
}
