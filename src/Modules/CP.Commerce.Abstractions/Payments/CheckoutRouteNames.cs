namespace CP.Commerce.Payments;

/// <summary>Names of the checkout routes a payment provider links to (with <c>LinkGenerator.GetPathByName</c>).</summary>
public static class CheckoutRouteNames
{
    /// <summary><c>/checkout/done/{number}</c>: where the customer comes back after paying on a provider's page; it waits for the provider's confirmation.</summary>
    public const string Done = "CP.Commerce.CheckoutDone";
}
