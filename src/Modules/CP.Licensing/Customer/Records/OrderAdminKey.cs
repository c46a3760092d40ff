using CP.Licensing.Models;

namespace CP.Licensing.Customer.Records;

/// <summary>A key issued for an order, as the admin order page lists it: its line and unit, and its status today.</summary>
public sealed record OrderAdminKey(int Id, string Key, string ProductName, int? LineNumber, int? UnitIndex, LicenseStatus Status);
