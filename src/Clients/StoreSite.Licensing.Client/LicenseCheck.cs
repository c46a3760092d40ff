namespace StoreSite.Licensing.Client;

/// <summary>The result of <see cref="LicenseClient.VerifyAsync"/>: the store's signed answer, read.</summary>
public sealed record LicenseCheck
{
    /// <summary>What the check came to; only <see cref="LicenseStatus.Valid"/> lets the product run.</summary>
    public required LicenseStatus Status { get; init; }

    /// <summary>The store's answer code for a refusal (see <see cref="LicenseCodes"/>), or <c>rate_limited</c> for a 429; <c>null</c> when valid.</summary>
    public string? Code { get; init; }

    /// <summary>The store's English reason for a refusal, for logs; choose the words you show from <see cref="Code"/>.</summary>
    public string? Reason { get; init; }

    /// <summary>The product's name as the license records it.</summary>
    public string? Product { get; init; }

    /// <summary>The last day (UTC) the license runs, or <c>null</c> for a lifetime license.</summary>
    public DateOnly? Expiry { get; init; }

    /// <summary>Whether the license never expires.</summary>
    public bool Lifetime { get; init; }

    /// <summary>Activations Used and Max Activations after this call.</summary>
    public Activations? Activations { get; init; }

    /// <summary>Whether the store counted this call as a development environment (no slot used).</summary>
    public bool Development { get; init; }

    /// <summary>When the store made the answer (its <c>checked_at</c>); for a cached answer, the grace period counts from here.</summary>
    public DateTimeOffset? CheckedAt { get; init; }

    /// <summary>Whether this is the last valid signed answer served from the cache because the store could not be reached (or answered untrusted).</summary>
    public bool FromCache { get; init; }

    /// <summary>For an answer served from the cache: why the store's live answer was not used (<see cref="LicenseStatus.Unreachable"/> or <see cref="LicenseStatus.Untrusted"/>).</summary>
    public LicenseStatus? OfflineCause { get; init; }

    /// <summary>For <c>validation_failed</c>: the messages per request field name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? Errors { get; init; }

    /// <summary>For a 429: how long the store asked to wait, when it said.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Whether the product may run: <see cref="Status"/> is <see cref="LicenseStatus.Valid"/>.</summary>
    public bool IsValid => Status == LicenseStatus.Valid;
}
