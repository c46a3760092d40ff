namespace CP.Licensing.Api;

/// <summary>
/// The Verify API contract (docs/verify-api.md), stated once: the route, the body limit, the JSON
/// field names, the answer codes and the words of every answer. The request reader, the response
/// writer, the OpenAPI description and the tests use these; change one here and the contract changed.
/// </summary>
public static class VerifyContract
{
    public const string Route = "/api/v1/licenses/verify";

    public const string ContentType = "application/json";

    public const string ResponseContentType = "application/json; charset=utf-8";

    /// <summary>Bodies over this many bytes answer 413.</summary>
    public const int MaxBodyBytes = 8 * 1024;

    // Request fields.
    public const string LicenseKeyField = "license_key";
    public const string DomainField = "domain";
    public const string IpField = "ip";
    public const string ProductRequestField = "product";
    public const string NonceField = "nonce";

    /// <summary>A nonce is 1 to this many characters of <see cref="NonceCharacters"/>.</summary>
    public const int MaxNonceLength = 128;
    public const string NonceCharacters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._~+/=-";

    /// <summary>A product slug as in <c>/products/{slug}</c>: at most this many characters of a-z, 0-9 and hyphens.</summary>
    public const int MaxProductLength = 100;

    // The signature of answers to requests with a nonce.
    public const string SignatureHeader = "X-License-Signature";
    public const string SigningKeyRoute = "/api/v1/licenses/signing-key";

    /// <summary>Deactivate: the environment the call matches leaves the allow-list.</summary>
    public const string DeactivateRoute = "/api/v1/licenses/deactivate";
    public const string AlgorithmField = "algorithm";

    /// <summary>The update check: Verify's checks and counting, then the newest entitled release above <see cref="VersionField"/>.</summary>
    public const string UpdatesRoute = "/api/v1/licenses/updates";
    public const string VersionField = "version";
    public const string PublicKeyField = "public_key";

    // Answer fields.
    public const string ValidField = "valid";
    public const string ReasonField = "reason";
    public const string CodeField = "code";
    public const string ErrorsField = "errors";
    public const string ProductField = "product";
    public const string ExpiryField = "expiry";
    public const string LifetimeField = "lifetime";
    public const string ActivationsField = "activations";
    public const string UsedField = "used";
    public const string MaxField = "max";
    public const string DevelopmentField = "development";
    public const string CheckedAtField = "checked_at";
    public const string DeactivatedField = "deactivated";

    // The update check's answer: "update" is null or an object of these fields (and "version").
    public const string UpdateField = "update";
    public const string ReleasedAtField = "released_at";
    public const string NotesField = "notes";
    public const string DownloadUrlField = "download_url";
    public const string SizeField = "size";
    public const string Sha256Field = "sha256";

    // Answer codes, in the order the checks run.
    public const string RateLimitedCode = "rate_limited";
    public const string UnsupportedMediaTypeCode = "unsupported_media_type";
    public const string TooLargeCode = "too_large";
    public const string BadRequestCode = "bad_request";
    public const string ValidationFailedCode = "validation_failed";
    public const string InvalidFormatCode = "invalid_format";
    public const string NotFoundCode = "not_found";
    public const string ProductMismatchCode = "product_mismatch";
    public const string RevokedCode = "revoked";
    public const string SuspendedCode = "suspended";
    public const string ExpiredCode = "expired";
    public const string MaxActivationsCode = "max_activations";
    public const string ValidCode = "valid";

    // Deactivate's own answer codes (after the key checks).
    public const string NotActivatedCode = "not_activated";
    public const string DeactivationLimitCode = "deactivation_limit";
    public const string DeactivatedCode = "deactivated";

    // Answer reasons.
    public const string RateLimitedReason = "Too many requests.";
    public const string UnsupportedMediaTypeReason = "Content-Type must be application/json.";
    public const string TooLargeReason = "Request body too large.";
    public const string BadRequestReason = "Malformed JSON body.";
    public const string InvalidFormatReason = "Invalid license format.";
    public const string NotFoundReason = "License not found.";
    public const string ProductMismatchReason = "License is for another product.";
    public const string RevokedReason = "License has been revoked.";
    public const string SuspendedReason = "License is suspended.";
    public const string ExpiredReason = "License expired.";
    public const string MaxActivationsReason = "Max activations exceeded.";
    public const string NotActivatedReason = "Environment is not activated.";
    public const string DeactivationLimitReason = "Deactivation limit reached.";

    // 422 field messages.
    public const string LicenseKeyRequired = LicenseKeyField + " is required.";
    public const string LicenseKeyNotString = LicenseKeyField + " must be a string.";
    public const string DomainRequired = DomainField + " is required.";
    public const string DomainNotString = DomainField + " must be a string.";
    public const string DomainInvalid = DomainField + " must be a host name, host:port or URL.";
    public const string IpRequired = IpField + " is required.";
    public const string IpNotString = IpField + " must be a string.";
    public const string IpInvalid = IpField + " must be an IPv4 or IPv6 address.";
    public const string ProductRequired = ProductRequestField + " is required.";
    public const string ProductNotString = ProductRequestField + " must be a string.";
    public const string ProductInvalid = ProductRequestField + " must be a product slug: 1 to 100 characters of a-z, 0-9 and hyphens.";
    public const string VersionRequired = VersionField + " is required.";
    public const string VersionNotString = VersionField + " must be a string.";
    public const string VersionInvalid = VersionField + " must be a SemVer 2.0 version, such as 1.4.2 or 2.0.0-beta.1 (at most 100 characters).";
    public const string NonceNotString = NonceField + " must be a string.";
    public const string NonceInvalid = NonceField + " must be 1 to 128 characters of A-Z, a-z, 0-9 and . _ ~ + / = -";
}
