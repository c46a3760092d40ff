using CP.Licensing.Admin;
using CP.Licensing.Admin.Records;
using CP.Licensing.Customer.Records;
using CP.Licensing.Data;
using CP.Licensing.Lifecycle;
using CP.Licensing.Models;
using Microsoft.EntityFrameworkCore;

namespace CP.Licensing.Customer;

/// <summary>
/// Loads one of the customer's own keys for its page (<c>/account/licenses/{id}</c>): only when it
/// is theirs (by account id), with a page of its environments and of the history of what the
/// customer and their product did; both page in the database like the admin's key page.
/// </summary>
public sealed class CustomerLicenseDetailQuery(LicenseDetailQuery details, LicenseDeactivator deactivator, LicensingDbContext db)
{
    /// <summary>The history entries the customer sees: the key's issue, its paid renewals, and what they and their product did with it.</summary>
    public static readonly IReadOnlyList<LicenseEventKind> HistoryKinds =
    [
        LicenseEventKind.Issued,
        LicenseEventKind.Imported,
        LicenseEventKind.Activated,
        LicenseEventKind.ActivationRefused,
        LicenseEventKind.Deactivated,
        LicenseEventKind.DevelopmentDeactivated,
        LicenseEventKind.Renewed,
        LicenseEventKind.Upgraded,
    ];

    /// <summary>License <paramref name="id"/> when it belongs to <paramref name="customerId"/> (revoked ones included); otherwise null.</summary>
    public async Task<CustomerLicenseDetail?> FindAsync(string customerId, int id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(customerId))
        {
            return null;
        }

        var detail = await details.FindAsync(id, cancellationToken);
        if (detail is null || !string.Equals(detail.License.CustomerId, customerId, StringComparison.Ordinal))
        {
            return null;
        }

        var planRenews = detail.License.PlanId is { } planId && await RenewalOffers.RenewablePlanIds(db).ContainsAsync(planId, cancellationToken);
        return new CustomerLicenseDetail(detail, await deactivator.DeactivationsInWindowAsync(id, cancellationToken), planRenews);
    }

    /// <summary>The pages of the key's production environments and customer history that <paramref name="position"/> asks for (see <see cref="LicenseDetailQuery.ListsAsync"/>).</summary>
    public Task<LicenseDetailLists> ListsAsync(int licenseId, LicenseDetailPosition position, int pageSize, string pagePath, CancellationToken cancellationToken) =>
        details.ListsAsync(licenseId, position, pageSize, pagePath, cancellationToken, HistoryKinds);
}
