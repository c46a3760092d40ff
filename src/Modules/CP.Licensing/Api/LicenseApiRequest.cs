namespace CP.Licensing.Api;

/// <summary>
/// A read licensing API request (<c>license_key</c>, <c>domain</c>, <c>ip</c>): either the refusal
/// (400 or 422) or the trimmed fields, the domain already normalized. A struct: no allocation per request.
/// </summary>
public readonly record struct LicenseApiRequest(VerifyResult? Problem, string LicenseKey, string Domain, string Ip)
{
    public static LicenseApiRequest Refused(VerifyResult problem) => new(problem, string.Empty, string.Empty, string.Empty);
}
