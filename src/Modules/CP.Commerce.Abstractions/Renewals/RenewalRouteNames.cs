namespace CP.Commerce.Renewals;

/// <summary>Names of commerce routes other modules link to for renewals.</summary>
public static class RenewalRouteNames
{
    /// <summary>POST <c>/account/licenses/{id}/renew</c> (antiforgery): puts the key's renewal in the cart.</summary>
    public const string Renew = "CP.Commerce.Renew";

    /// <summary>GET <c>/account/licenses/{id}/renew?token=…</c>: the same from a mail's link (<see cref="RenewalLinks"/>).</summary>
    public const string RenewLink = "CP.Commerce.RenewLink";
}
