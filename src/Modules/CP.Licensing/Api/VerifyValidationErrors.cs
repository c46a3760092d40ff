namespace CP.Licensing.Api;

/// <summary>The bad fields of a Verify request, in the request's order: <c>license_key</c>, <c>domain</c>, <c>ip</c>.</summary>
public sealed class VerifyValidationErrors
{
    public string? LicenseKey { get; set; }

    public string? Domain { get; set; }

    public string? Ip { get; set; }

    public bool Any => LicenseKey is not null || Domain is not null || Ip is not null;

    /// <summary>The first message, which is also the answer's <c>reason</c>.</summary>
    public string? First => LicenseKey ?? Domain ?? Ip;
}
