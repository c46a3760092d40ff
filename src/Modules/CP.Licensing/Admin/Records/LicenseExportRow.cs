using CP.Licensing.Lifecycle.Records;
using CP.Licensing.Models;

namespace CP.Licensing.Admin.Records;

/// <summary>One license as the CSV export writes it, with its environments.</summary>
public sealed record LicenseExportRow(
    string Key,
    string CustomerEmail,
    string ProductName,
    string? OrderNumber,
    DateTimeOffset IssuedAt,
    DateOnly? ExpiresOn,
    int MaxActivations,
    int ActivationsUsed,
    LicenseMatchRule MatchBy,
    DateTimeOffset? RevokedAt,
    DateTimeOffset? SuspendedAt,
    string? RevokedBy,
    string? RevocationReason,
    IReadOnlyList<LicenseEnvironment> Environments);
