namespace CP.Licensing.Models;

/// <summary>A pricing plan's licensing section (stored by licensing, keyed by CP.Commerce's plan id).</summary>
public sealed class PlanLicensingSettings
{
    public int PlanId { get; set; }

    /// <summary>Whether a paid order line of this plan issues license keys (off by default).</summary>
    public bool IssueLicense { get; set; }

    public LicenseValidityUnit ValidityUnit { get; set; }

    /// <summary>How many <see cref="ValidityUnit"/>s a key is valid for; unused for Lifetime.</summary>
    public int ValidityValue { get; set; }

    /// <summary>0 is unlimited.</summary>
    public int MaxActivations { get; set; }

    public LicenseMatchRule MatchBy { get; set; }

    /// <summary>Development environments use no slot.</summary>
    public bool DevelopmentSitesFree { get; set; } = true;

    /// <summary>Whether customers may deactivate environments themselves.</summary>
    public bool DeactivationsAllowed { get; set; } = true;

    /// <summary>Self-service deactivations allowed in any 30 days; 0 is unlimited.</summary>
    public int DeactivationsPer30Days { get; set; } = 3;

    /// <summary>Whether keys of this plan can be renewed (on by default; only keys with a validity are).</summary>
    public bool RenewalEnabled { get; set; } = true;

    /// <summary>What a renewal costs; null is the plan's price.</summary>
    public decimal? RenewalPrice { get; set; }

    /// <summary>True when a key of this plan can be renewed: renewals on and a validity that is not Lifetime.</summary>
    public bool OffersRenewal => RenewalEnabled && ValidityUnit != LicenseValidityUnit.Lifetime;
}
