namespace CP.Licensing.Models;

/// <summary>Where a license stands; derived, never stored.</summary>
public enum LicenseStatus
{
    Active,
    Expired,
    Revoked,

    /// <summary>Paused by the store (an admin, or a disputed payment); may be reinstated.</summary>
    Suspended,
}
