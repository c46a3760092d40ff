namespace CP.Licensing.Models;

/// <summary>Where a license stands; derived, never stored.</summary>
public enum LicenseStatus
{
    Active,
    Expired,
    Revoked,
}
