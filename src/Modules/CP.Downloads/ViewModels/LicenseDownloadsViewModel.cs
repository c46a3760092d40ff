using CP.Downloads.Models;
using CP.Licensing.Grants;

namespace CP.Downloads.ViewModels;

/// <summary>
/// The key page's Downloads section: the key, what it gives of its product (null: nothing, revoked or
/// suspended or no longer in the catalog), and its latest downloads with their version and how many in all.
/// </summary>
public sealed record LicenseDownloadsViewModel(LicenseGrant Grant, ProductDownloadsView? Product, IReadOnlyList<(Download Download, string Version)> Recent, int Total)
{
    /// <summary>Why the key gives no download, in the customer's words; null when it gives some.</summary>
    public string? NothingBecause =>
        Grant.IsRevoked ? "This key is revoked: it gives no downloads."
        : Grant.IsSuspended ? "This key is suspended: its downloads resume when it is reinstated."
        : Product is null ? "This key's product is no longer sold here."
        : null;
}
