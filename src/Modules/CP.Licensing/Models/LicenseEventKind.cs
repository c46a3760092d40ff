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
}
