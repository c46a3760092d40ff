using CP.Licensing.Models;

namespace CP.Licensing.Lifecycle.Records;

/// <summary>A license to import (the <c>Licenses</c> recipe step), already validated.</summary>
/// <param name="Key">A key that passed the key check, or null to generate one.</param>
public sealed record ImportedLicense(
    string? Key,
    string CustomerId,
    string CustomerEmail,
    string ProductName,
    DateOnly? ExpiresOn,
    int MaxActivations,
    LicenseMatchRule MatchBy,
    bool Revoked,
    IReadOnlyList<(string Domain, string Ip)> Activations,
    int? ProductId = null,
    bool Suspended = false);
