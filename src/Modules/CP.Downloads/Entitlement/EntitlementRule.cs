using CP.Licensing.Grants;

namespace CP.Downloads.Entitlement;

/// <summary>
/// The entitlement rule, the only place it is written (docs/architecture.md, "Downloads"): a license that
/// is neither revoked nor suspended entitles to every published release while it is active, and once
/// expired to those published on or before its expiry date; a paid plan that issues no license entitles
/// to every release for good. Revoked and suspended keys, and refunded orders, entitle to nothing.
/// </summary>
public static class EntitlementRule
{
    /// <summary>What one license gives on <paramref name="today"/> (UTC): a window, or null for nothing.</summary>
    public static ReleaseWindow? Of(LicenseGrant grant, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(grant);
        if (grant.IsRevoked || grant.IsSuspended)
        {
            return null;
        }

        return grant.ExpiresOn is { } expiry && today > expiry ? new ReleaseWindow(expiry) : ReleaseWindow.Every;
    }

    /// <summary>What a paid order line of a plan that issues no license gives: every release, for good.</summary>
    public static ReleaseWindow OfUnlicensedPurchase() => ReleaseWindow.Every;
}
