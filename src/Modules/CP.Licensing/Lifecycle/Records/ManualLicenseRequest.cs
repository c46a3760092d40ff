using CP.Licensing.Models;

namespace CP.Licensing.Lifecycle.Records;

/// <summary>What an admin gives to issue a key by hand (Generate License).</summary>
/// <param name="CustomerEmail">An existing account's email (or, with <see cref="CreateAccount"/>, one to invite).</param>
/// <param name="ProductName">The product name the key shows; empty takes the catalog product's name.</param>
/// <param name="ExpiresOn">The last valid day; null for Lifetime.</param>
/// <param name="MaxActivations">Null or 0 for unlimited.</param>
/// <param name="MatchBy">How calls match the allow-list.</param>
public sealed record ManualLicenseRequest(
    string CustomerEmail,
    string ProductName,
    DateOnly? ExpiresOn = null,
    int? MaxActivations = null,
    LicenseMatchRule MatchBy = LicenseMatchRule.DomainOrIp)
{
    /// <summary>The catalog product the key is for (Verify's <c>product</c>, downloads); null for none.</summary>
    public int? ProductId { get; init; }

    /// <summary>The plan the key belongs to (renewals, upgrades); null for a plan-less key. Must be a plan of <see cref="ProductId"/>.</summary>
    public int? PlanId { get; init; }

    public bool DevelopmentSitesFree { get; init; } = true;

    public bool DeactivationsAllowed { get; init; } = true;

    /// <summary>0 is unlimited.</summary>
    public int DeactivationsPer30Days { get; init; } = 3;

    /// <summary>An optional order reference (kept as the key's order number: the order's page lists the key, its refund revokes it).</summary>
    public string? OrderReference { get; init; }

    /// <summary>When no account has <see cref="CustomerEmail"/>: create it and mail an invitation (else refused).</summary>
    public bool CreateAccount { get; init; }

    /// <summary>Mail the customer a notice with the key.</summary>
    public bool NotifyCustomer { get; init; }

    /// <summary>What the history entry says after "Issued by hand" (the plan, the order reference, an invitation).</summary>
    public string? Note { get; init; }
}
