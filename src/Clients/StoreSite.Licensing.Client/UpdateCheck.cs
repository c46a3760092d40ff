namespace StoreSite.Licensing.Client;

/// <summary>The result of <see cref="LicenseClient.CheckForUpdateAsync"/>: the license check the store ran first, and the update it offers.</summary>
/// <param name="License">The license check (the same checks and counting as Verify).</param>
/// <param name="Update">The newest entitled release above the running version, or <c>null</c> (none, or the license is not valid, or the answer came from the cache).</param>
public sealed record UpdateCheck(LicenseCheck License, AvailableUpdate? Update)
{
    /// <summary>The license check's status.</summary>
    public LicenseStatus Status => License.Status;
}
