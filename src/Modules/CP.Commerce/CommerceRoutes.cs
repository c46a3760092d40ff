namespace CP.Commerce;

/// <summary>Names of the commerce routes that are linked from outside a request (mail, background jobs).</summary>
public static class CommerceRoutes
{
    /// <summary>The customer's order page (<c>number</c>).</summary>
    public const string CustomerOrder = "CP.Commerce.CustomerOrder";
}
