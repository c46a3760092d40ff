using CP.Licensing.Models;

namespace CP.Licensing.Lifecycle.Records;

/// <summary>What an admin gives to issue a key by hand.</summary>
/// <param name="CustomerEmail">An existing account's email.</param>
/// <param name="ProductName">The product name the key shows.</param>
/// <param name="ExpiresOn">The last valid day; null for Lifetime.</param>
/// <param name="MaxActivations">Null or 0 for unlimited.</param>
/// <param name="MatchBy">How calls match the allow-list.</param>
public sealed record ManualLicenseRequest(
    string CustomerEmail,
    string ProductName,
    DateOnly? ExpiresOn = null,
    int? MaxActivations = null,
    LicenseMatchRule MatchBy = LicenseMatchRule.DomainOrIp);
