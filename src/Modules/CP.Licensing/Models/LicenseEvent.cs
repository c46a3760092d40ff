namespace CP.Licensing.Models;

/// <summary>One entry of a license's history: issued, imported, a new environment, revoked, a slot freed, Max Activations changed.</summary>
public sealed class LicenseEvent
{
    public long Id { get; set; }

    public int LicenseId { get; set; }

    public DateTimeOffset At { get; set; }

    public LicenseEventKind Kind { get; set; }

    /// <summary>Who did it: an email, <c>system</c>, <c>recipe</c> or <c>api</c>.</summary>
    public required string Actor { get; set; }

    /// <summary>What happened, in words (the environment, the revocation reason, the order).</summary>
    public required string Detail { get; set; }
}
