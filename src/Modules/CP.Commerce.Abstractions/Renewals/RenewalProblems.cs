namespace CP.Commerce.Renewals;

/// <summary>Why a key cannot be renewed (<see cref="StoreSite.Outcome.Problem"/> codes of <see cref="IRenewalOffers"/>).</summary>
public static class RenewalProblems
{
    /// <summary>No such key, or not the customer's.</summary>
    public const string NotFound = "renewal_not_found";

    /// <summary>A Lifetime key never expires.</summary>
    public const string Lifetime = "renewal_lifetime";

    public const string Revoked = "renewal_revoked";

    public const string Suspended = "renewal_suspended";

    /// <summary>The key's plan does not offer renewals (disabled, no validity, or the key was not sold in a plan).</summary>
    public const string NotOffered = "renewal_not_offered";
}
