namespace CP.Licensing.Models;

/// <summary>The part of a license's status that does not depend on the day (<see cref="LicenseTally"/>).</summary>
public enum LicenseTallyState
{
    /// <summary>Neither revoked nor suspended: Active until its expiry date, Expired after it.</summary>
    Working = 0,

    /// <summary>Suspended and not revoked.</summary>
    Suspended = 1,

    Revoked = 2,
}
