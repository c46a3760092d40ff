namespace CP.Licensing.Api;

/// <summary>
/// A Verify answer (docs/verify-api.md): the HTTP status, the machine-readable code and the reason,
/// byte for byte as documented; for a valid key the license's product, expiry and activations.
/// </summary>
public sealed class VerifyResult
{
    private VerifyResult(int statusCode, string code, string reason)
    {
        StatusCode = statusCode;
        Code = code;
        Reason = reason;
    }

    public static VerifyResult RateLimited { get; } = new(429, VerifyContract.RateLimitedCode, VerifyContract.RateLimitedReason);

    public static VerifyResult UnsupportedMediaType { get; } = new(415, VerifyContract.UnsupportedMediaTypeCode, VerifyContract.UnsupportedMediaTypeReason);

    public static VerifyResult TooLarge { get; } = new(413, VerifyContract.TooLargeCode, VerifyContract.TooLargeReason);

    public static VerifyResult BadRequest { get; } = new(400, VerifyContract.BadRequestCode, VerifyContract.BadRequestReason);

    public static VerifyResult InvalidFormat { get; } = new(403, VerifyContract.InvalidFormatCode, VerifyContract.InvalidFormatReason);

    public static VerifyResult NotFound { get; } = new(404, VerifyContract.NotFoundCode, VerifyContract.NotFoundReason);

    public static VerifyResult ProductMismatch { get; } = new(403, VerifyContract.ProductMismatchCode, VerifyContract.ProductMismatchReason);

    public static VerifyResult Revoked { get; } = new(403, VerifyContract.RevokedCode, VerifyContract.RevokedReason);

    public static VerifyResult Suspended { get; } = new(403, VerifyContract.SuspendedCode, VerifyContract.SuspendedReason);

    public static VerifyResult Expired { get; } = new(403, VerifyContract.ExpiredCode, VerifyContract.ExpiredReason);

    public static VerifyResult MaxActivationsExceeded { get; } = new(403, VerifyContract.MaxActivationsCode, VerifyContract.MaxActivationsReason);

    /// <summary>Deactivate: nothing on the allow-list matches the call.</summary>
    public static VerifyResult NotActivated { get; } = new(404, VerifyContract.NotActivatedCode, VerifyContract.NotActivatedReason);

    /// <summary>Deactivate: the key's deactivation allowance is used up.</summary>
    public static VerifyResult DeactivationLimit { get; } = new(403, VerifyContract.DeactivationLimitCode, VerifyContract.DeactivationLimitReason);

    public const string ValidCode = VerifyContract.ValidCode;

    public const string ValidationFailedCode = VerifyContract.ValidationFailedCode;

    public int StatusCode { get; }

    public string Code { get; }

    /// <summary>Null for a valid key.</summary>
    public string Reason { get; }

    public bool IsValid => StatusCode == 200;

    public string? Product { get; private init; }

    /// <summary>A valid answer's license (not written in the answer; the update check asks for its releases).</summary>
    public int LicenseId { get; private init; }

    /// <summary>A valid answer's catalog product, or null for a key of no catalog product (not written in the answer).</summary>
    public int? ProductId { get; private init; }

    public DateOnly? ExpiresOn { get; private init; }

    public int ActivationsUsed { get; private init; }

    public int MaxActivations { get; private init; }

    /// <summary>A valid answer from a development environment (uses no slot).</summary>
    public bool Development { get; private init; }

    /// <summary>422 only: the message of each bad field, keyed by the request's field names.</summary>
    public VerifyValidationErrors? Errors { get; private init; }

    public static VerifyResult Valid(int licenseId, int? productId, string product, DateOnly? expiresOn, int used, int max, bool development = false) =>
        new(200, ValidCode, string.Empty)
        {
            LicenseId = licenseId,
            ProductId = productId,
            Product = product,
            ExpiresOn = expiresOn,
            ActivationsUsed = used,
            MaxActivations = max,
            Development = development,
        };

    public static VerifyResult ValidationFailed(VerifyValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return new(422, ValidationFailedCode, errors.First ?? "Invalid request.") { Errors = errors };
    }
}
