namespace CP.Licensing.Models;

/// <summary>
/// A license key sold to (or given to) a customer, with its allow-list of environments. Its status
/// is derived (<see cref="StatusOn"/>); revocation is permanent.
/// </summary>
public sealed class License
{
    public int Id { get; set; }

    /// <summary>The signed key, upper case, e.g. <c>CP-ABCDEF-123456-GHJKMN-PQRSTV-HTARZ4</c>.</summary>
    public required string Key { get; set; }

    /// <summary>The customer's user id.</summary>
    public required string CustomerId { get; set; }

    /// <summary>The customer's email when the license was issued (lists search by it; modules never join the host's accounts).</summary>
    public required string CustomerEmail { get; set; }

    /// <summary>The product name taken at issuance (plus the plan name when the product has several plans).</summary>
    public required string ProductName { get; set; }

    /// <summary>The catalog product the license is for (Verify's <c>product</c> is compared with its slug); null when it is for none.</summary>
    public int? ProductId { get; set; }

    /// <summary>The pricing plan the license was sold in; null for manual and imported licenses.</summary>
    public int? PlanId { get; set; }

    /// <summary>The order it was issued for; null for manual and imported licenses.</summary>
    public string? OrderNumber { get; set; }

    /// <summary>1-based line of the order.</summary>
    public int? LineNumber { get; set; }

    /// <summary>1-based unit of the order line (a line of quantity 3 issues units 1, 2 and 3).</summary>
    public int? UnitIndex { get; set; }

    public DateTimeOffset IssuedAt { get; set; }

    /// <summary>The last day the license is valid (UTC); null for Lifetime.</summary>
    public DateOnly? ExpiresOn { get; set; }

    /// <summary>How many environments the license may run in; 0 is unlimited.</summary>
    public int MaxActivations { get; set; }

    /// <summary>Always the number of environments on the allow-list (kept by the database).</summary>
    public int ActivationsUsed { get; set; }

    public LicenseMatchRule MatchBy { get; set; }

    /// <summary>When an admin (or a payment dispute) paused the key; null while not suspended. Reinstating clears it.</summary>
    public DateTimeOffset? SuspendedAt { get; set; }

    public string? SuspendedBy { get; set; }

    public string? SuspensionReason { get; set; }

    /// <summary>Development environments use no slot (taken from the plan at issuance).</summary>
    public bool DevelopmentSitesFree { get; set; } = true;

    /// <summary>Whether the customer may deactivate environments themselves (taken from the plan at issuance).</summary>
    public bool DeactivationsAllowed { get; set; } = true;

    /// <summary>Self-service deactivations allowed in any 30 days; 0 is unlimited (taken from the plan at issuance).</summary>
    public int DeactivationsPer30Days { get; set; } = 3;

    /// <summary>The last day the customer was mailed that the key reached its limit (at most one mail a day).</summary>
    public DateOnly? LimitNoticeSentOn { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>Who revoked it (an email, or <c>system</c>).</summary>
    public string? RevokedBy { get; set; }

    public string? RevocationReason { get; set; }

    public List<LicenseActivation> Activations { get; set; } = [];

    /// <summary>The license's history, oldest first when ordered by <see cref="LicenseEvent.At"/>.</summary>
    public List<LicenseEvent> Events { get; set; } = [];

    public bool IsLifetime => ExpiresOn is null;

    /// <summary>Revoked, else Expired when <paramref name="today"/> (UTC) is after the expiry date, else Active.</summary>
    public LicenseStatus StatusOn(DateOnly today) => Status(RevokedAt is not null, SuspendedAt is not null, ExpiresOn, today);

    /// <summary>Revoked wins over suspended, suspended over expired (the order Verify checks them in).</summary>
    public static LicenseStatus Status(bool revoked, bool suspended, DateOnly? expiresOn, DateOnly today) =>
        revoked ? LicenseStatus.Revoked
        : suspended ? LicenseStatus.Suspended
        : expiresOn is { } expiry && today > expiry ? LicenseStatus.Expired
        : LicenseStatus.Active;
}
