using StoreSite.Versions;

namespace CP.Licensing.Api;

/// <summary>
/// A read licensing API request (<c>license_key</c>, <c>domain</c>, <c>ip</c>, and the optional
/// <c>product</c> and <c>nonce</c>; for the update check also <c>version</c>, and <c>product</c> required):
/// either the refusal (400 or 422) or the trimmed fields, the domain already normalized. A refusal keeps the nonce when it was valid, so that a 422 is signed
/// too. A struct: no allocation per request.
/// </summary>
public readonly record struct LicenseApiRequest(VerifyResult? Problem, string LicenseKey, string Domain, string Ip, string? Product = null, string? Nonce = null, SemanticVersion? Version = null)
{
    public static LicenseApiRequest Refused(VerifyResult problem, string? nonce = null) => new(problem, string.Empty, string.Empty, string.Empty, null, nonce);
}
