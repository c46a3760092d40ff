namespace CP.Licensing.Models;

/// <summary>The kinds of <see cref="LicenseEvent"/>.</summary>
public enum LicenseEventKind
{
    Issued = 0,
    Imported = 1,
    Activated = 2,
    Revoked = 3,
}
