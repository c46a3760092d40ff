namespace CP.Licensing.Grants;

/// <summary>Reads a customer's licenses for other modules (implemented by CP.Licensing); never writes.</summary>
public interface ILicenseGrants
{
    /// <summary>The customer's licenses that are for a catalog product, revoked and suspended ones included.</summary>
    Task<IReadOnlyList<LicenseGrant>> ForCustomerAsync(string customerId, CancellationToken cancellationToken);

    /// <summary>One license by its id, as it stands now (a download link and the update check ask again at each use); null when there is none or it is for no catalog product.</summary>
    Task<LicenseGrant?> ForLicenseAsync(int licenseId, CancellationToken cancellationToken);

    /// <summary>Which of <paramref name="planIds"/> issue a license key when sold (the others sell the product without one).</summary>
    Task<IReadOnlySet<int>> LicensedPlansAsync(IReadOnlyCollection<int> planIds, CancellationToken cancellationToken);
}
