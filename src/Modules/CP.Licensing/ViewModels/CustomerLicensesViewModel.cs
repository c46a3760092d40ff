using CP.Licensing.Customer.Records;
using StoreSite.Paging;

namespace CP.Licensing.ViewModels;

/// <summary>Account -> Licenses: the customer's keys that are not revoked, with today's date for their expiry status.</summary>
public sealed record CustomerLicensesViewModel(IReadOnlyList<CustomerLicense> Licenses, PageInfo Paging, DateOnly Today);
