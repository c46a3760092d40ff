namespace CP.Licensing.Models;

/// <summary>
/// What a paid upgrade line did to a key: the plan and the plan's settings the key had before, so a
/// refund of the line puts the key back on them.
/// </summary>
public sealed class LicenseUpgrade
{
    public int Id { get; set; }

    public int LicenseId { get; set; }

    /// <summary>The order of the upgrade line (one upgrade per order line: a unique index holds it).</summary>
    public required string OrderNumber { get; set; }

    public int LineNumber { get; set; }

    public int? FromPlanId { get; set; }

    public int ToPlanId { get; set; }

    /// <summary>The key's product name (with its plan) before the upgrade.</summary>
    public required string FromProductName { get; set; }

    public int FromMaxActivations { get; set; }

    public LicenseMatchRule FromMatchBy { get; set; }

    public bool FromDevelopmentSitesFree { get; set; }

    public bool FromDeactivationsAllowed { get; set; }

    public int FromDeactivationsPer30Days { get; set; }

    /// <summary>The expiry before the upgrade (a Lifetime plan makes the key Lifetime; its refund gives this back).</summary>
    public DateOnly? FromExpiresOn { get; set; }

    public DateTimeOffset UpgradedAt { get; set; }

    /// <summary>When the line was refunded (the key went back to its previous plan); null while it is paid.</summary>
    public DateTimeOffset? RefundedAt { get; set; }
}
