using CP.Licensing.Updates;

namespace CP.Licensing.Api;

/// <summary>
/// An update check answer (docs/verify-api.md, "Update check"): Verify's answer (<see cref="License"/>,
/// a refusal with Verify's status and body, or valid) and, when valid, the release offered or null.
/// </summary>
public readonly record struct UpdateCheckResult(VerifyResult License, ProductUpdate? Update)
{
    public int StatusCode => License.StatusCode;

    public string Code => License.Code;
}
