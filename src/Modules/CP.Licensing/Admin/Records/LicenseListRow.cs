using CP.Licensing.Models;

namespace CP.Licensing.Admin.Records;

/// <summary>One row of the admin Licenses list.</summary>
public sealed record LicenseListRow(
    int Id,
    string Key,
    string CustomerId,
    string CustomerEmail,
    string ProductName,
    DateOnly? ExpiresOn,
    int MaxActivations,
    int ActivationsUsed,
    LicenseStatus Status);
