namespace CP.Licensing.Models;

/// <summary>The kinds of <see cref="LicenseEvent"/>.</summary>
public enum LicenseEventKind
{
    Issued = 0,
    Imported = 1,
    Activated = 2,
    Revoked = 3,

    /// <summary>An admin removed an environment from the allow-list (a slot was freed).</summary>
    SlotFreed = 4,

    /// <summary>An admin changed Max Activations.</summary>
    MaxActivationsChanged = 5,

    /// <summary>The key was paused (admin, or a payment dispute).</summary>
    Suspended = 6,

    /// <summary>A suspended key runs again.</summary>
    Reinstated = 7,

    /// <summary>The customer (the product, or Account -> Licenses) removed a production environment: counts against the deactivation allowance.</summary>
    Deactivated = 8,

    /// <summary>The customer removed a development environment: free.</summary>
    DevelopmentDeactivated = 9,

    /// <summary>A new environment was refused at the limit (at most one entry per domain per day).</summary>
    ActivationRefused = 10,

    /// <summary>An admin changed the expiry (a date, or Lifetime).</summary>
    ExpiryChanged = 11,

    /// <summary>An admin moved the key to another customer.</summary>
    Transferred = 12,

    /// <summary>A paid renewal moved the expiry on (the same key; no new key).</summary>
    Renewed = 13,

    /// <summary>A paid upgrade moved the key to a bigger plan (the same key and environments), or its refund moved it back.</summary>
    Upgraded = 14,
}
