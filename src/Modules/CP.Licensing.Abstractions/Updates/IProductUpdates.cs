using CP.Licensing.Grants;
using StoreSite.Versions;

namespace CP.Licensing.Updates;

/// <summary>
/// The update check's question to the module that holds the releases (implemented by CP.Downloads): the
/// newest published release of the license's product above the installed version that the license
/// entitles to. Licensing asks only after Verify's checks passed; with no module answering, no update is offered.
/// </summary>
public interface IProductUpdates
{
    /// <param name="license">The license as Verify just found it (its product, expiry, not revoked or suspended).</param>
    /// <param name="installed">The version the caller runs; only releases of higher SemVer precedence are offered.</param>
    /// <returns>The newest such release with a signed download link, or null.</returns>
    Task<ProductUpdate?> NewestAsync(LicenseGrant license, SemanticVersion installed, CancellationToken cancellationToken);
}
