namespace CP.Commerce.Upgrades;

/// <summary>Names of commerce routes other modules link to for upgrades.</summary>
public static class UpgradeRouteNames
{
    /// <summary>POST <c>/account/licenses/{id}/upgrade</c> (antiforgery; form field <c>planId</c>): puts the key's upgrade in the cart.</summary>
    public const string Upgrade = "CP.Commerce.Upgrade";
}
