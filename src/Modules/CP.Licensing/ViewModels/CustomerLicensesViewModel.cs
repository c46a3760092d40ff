using CP.Licensing.Customer.Records;
using StoreSite.Paging;

namespace CP.Licensing.ViewModels;

/// <summary>
/// Account -> Licenses: the customer's keys that are not revoked, with today's date for their expiry
/// status, and the development sites of the keys shown (apart: they use no activation).
/// </summary>
public sealed record CustomerLicensesViewModel(IReadOnlyList<CustomerLicense> Licenses, PageInfo Paging, DateOnly Today)
{
    public IReadOnlyList<CustomerDevelopmentSite> DevelopmentSites { get; init; } = [];

    /// <summary>Whether the customer gets renewal reminders (they can switch them off here).</summary>
    public bool WantsReminders { get; init; } = true;
}
