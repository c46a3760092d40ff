namespace CP.Licensing.Lifecycle;

/// <summary>What an admin change to a license did.</summary>
public enum LicenseChangeOutcome
{
    Changed,

    /// <summary>The license already was as asked; nothing was written.</summary>
    Unchanged,

    /// <summary>Refused with a message (revoked key, limit below Activations Used, environment gone).</summary>
    Refused,

    NotFound,
}
