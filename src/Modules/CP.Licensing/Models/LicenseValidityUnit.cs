namespace CP.Licensing.Models;

/// <summary>How long a key issued for a plan is valid: Lifetime, or a number of calendar units.</summary>
public enum LicenseValidityUnit
{
    Lifetime = 0,
    Days = 1,
    Weeks = 2,
    Months = 3,
    Years = 4,
}
