namespace CP.Payments.Stripe.Settings;

/// <summary>Where a Stripe key in use comes from.</summary>
public enum StripeKeySource
{
    /// <summary>Not set anywhere.</summary>
    None,

    /// <summary>Stored in Admin -> Payments (or by the <c>StripeSettings</c> recipe step).</summary>
    Stored,

    /// <summary>From configuration (<c>StoreSite:Stripe</c>), which wins over the stored one.</summary>
    Configuration,
}
