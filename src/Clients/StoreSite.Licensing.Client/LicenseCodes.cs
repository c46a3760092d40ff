namespace StoreSite.Licensing.Client;

/// <summary>The store's answer codes (the <c>code</c> field of a refusal), to branch on instead of the English <c>reason</c>.</summary>
public static class LicenseCodes
{
    /// <summary>429: too many requests from this address; try again after <c>Retry-After</c>.</summary>
    public const string RateLimited = "rate_limited";

    /// <summary>415: the request was not sent as JSON.</summary>
    public const string UnsupportedMediaType = "unsupported_media_type";

    /// <summary>413: the request body was over 8 KiB.</summary>
    public const string TooLarge = "too_large";

    /// <summary>400: the request body was not a JSON object.</summary>
    public const string BadRequest = "bad_request";

    /// <summary>422: a field was missing or wrong; see <see cref="LicenseCheck.Errors"/>.</summary>
    public const string ValidationFailed = "validation_failed";

    /// <summary>403: the key does not have the shape of a key of this store, or its signature segment is wrong.</summary>
    public const string InvalidFormat = "invalid_format";

    /// <summary>404: no such license.</summary>
    public const string NotFound = "not_found";

    /// <summary>403: the license is for another product.</summary>
    public const string ProductMismatch = "product_mismatch";

    /// <summary>403: the license has been revoked.</summary>
    public const string Revoked = "revoked";

    /// <summary>403: the license is suspended.</summary>
    public const string Suspended = "suspended";

    /// <summary>403: the license expired.</summary>
    public const string Expired = "expired";

    /// <summary>403: a new environment and no free slot left.</summary>
    public const string MaxActivations = "max_activations";

    /// <summary>403 on deactivate: the license's self-service deactivation allowance is used up; nothing was removed.</summary>
    public const string DeactivationLimit = "deactivation_limit";

    /// <summary>404 on deactivate: this environment is not on the license's allow-list.</summary>
    public const string NotActivated = "not_activated";
}
