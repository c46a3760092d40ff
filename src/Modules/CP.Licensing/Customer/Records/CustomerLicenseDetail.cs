using CP.Licensing.Admin.Records;
using CP.Licensing.Lifecycle;

namespace CP.Licensing.Customer.Records;

/// <summary>
/// A key as its customer sees it on its own page: the license (with plan name and status) and how
/// many self-service deactivations it made in the allowance's window, and whether its plan sells renewals.
/// </summary>
public sealed record CustomerLicenseDetail(LicenseDetail Detail, int DeactivationsInWindow, bool PlanRenews = false)
{
    /// <summary>The key's allowance, taken from its plan at issuance.</summary>
    public DeactivationAllowance Allowance => new(Detail.License.DeactivationsAllowed, Detail.License.DeactivationsPer30Days);

    /// <summary>True when one more production environment may be deactivated now.</summary>
    public bool CanDeactivate => Allowance.Permits(DeactivationsInWindow);

    /// <summary>How many deactivations are left in the window; null when unlimited.</summary>
    public int? DeactivationsLeft => Allowance.Per30Days == 0 ? null : Math.Max(0, Allowance.Per30Days - DeactivationsInWindow);
}
