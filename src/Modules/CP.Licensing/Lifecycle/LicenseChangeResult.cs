namespace CP.Licensing.Lifecycle;

/// <summary>The outcome of an admin change to a license and what to tell the admin.</summary>
public sealed record LicenseChangeResult(LicenseChangeOutcome Outcome, string Message)
{
    public static readonly LicenseChangeResult NotFound = new(LicenseChangeOutcome.NotFound, "No such license.");

    public const string RevokedMessage = "This key is revoked: its allow-list and limit can no longer change.";

    public bool Succeeded => Outcome is LicenseChangeOutcome.Changed or LicenseChangeOutcome.Unchanged;
}
