namespace CP.Payments.Stripe;

/// <summary>The permissions the module's pages require: Stripe's settings are part of Admin -> Payments.</summary>
public static class StripePermissions
{
    /// <summary>Commerce's <c>ManagePayments</c> (choose and set up payment providers), by its policy name.</summary>
    public const string ManagePayments = "ManagePayments";
}
