namespace CP.Commerce.Upgrades;

/// <summary>Why a key cannot be upgraded (<see cref="StoreSite.Outcome.Problem"/> codes of <see cref="IUpgradeOffers"/>).</summary>
public static class UpgradeProblems
{
    /// <summary>No such key, or not the customer's.</summary>
    public const string NotFound = "upgrade_not_found";

    public const string Revoked = "upgrade_revoked";

    public const string Suspended = "upgrade_suspended";

    /// <summary>An expired key is renewed first.</summary>
    public const string Expired = "upgrade_expired";

    /// <summary>The plan asked for is not a bigger plan of the key's product on sale (or the key was not sold in a plan).</summary>
    public const string NotOffered = "upgrade_not_offered";
}
