using CP.Licensing.Admin.Records;
using CP.Licensing.Customer.Records;

namespace CP.Licensing.ViewModels;

/// <summary>The customer's key page: the key, a page of its environments and of its history, and today's date for its expiry in words.</summary>
public sealed record CustomerLicenseViewModel(CustomerLicenseDetail Key, LicenseDetailLists Lists, DateOnly Today);
