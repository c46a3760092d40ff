namespace CP.Licensing.Pages;

/// <summary>
/// The key a customer's key page shows (<see cref="ILicensePageSection"/>): its id, its owner (the signed-in
/// customer), and whether the page offers its renewal (a form with the id <see cref="RenewAnchor"/>).
/// </summary>
public sealed record LicensePageKey(int LicenseId, string CustomerId, bool ShowsRenew)
{
    /// <summary>The id of the key page's renew form, for a section's link to it.</summary>
    public const string RenewAnchor = "renew";
}
