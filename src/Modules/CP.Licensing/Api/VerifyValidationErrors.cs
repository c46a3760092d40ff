namespace CP.Licensing.Api;

/// <summary>The bad fields of a licensing API request, in the request's order: <c>license_key</c>, <c>domain</c>, <c>ip</c>, <c>product</c>, <c>version</c> (the update check), <c>nonce</c>.</summary>
public sealed class VerifyValidationErrors
{
    public string? LicenseKey { get; set; }

    public string? Domain { get; set; }

    public string? Ip { get; set; }

    public string? Product { get; set; }

    public string? Version { get; set; }

    public string? Nonce { get; set; }

    public bool Any => First is not null;

    /// <summary>The first message, which is also the answer's <c>reason</c>.</summary>
    public string? First => LicenseKey ?? Domain ?? Ip ?? Product ?? Version ?? Nonce;
}
