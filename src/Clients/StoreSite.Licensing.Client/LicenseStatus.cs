namespace StoreSite.Licensing.Client;

/// <summary>What a license check came to.</summary>
public enum LicenseStatus
{
    /// <summary>The store answered valid, signed with its key and echoing this call's nonce (or, while the store is out of reach, a cached such answer within the grace period: see <see cref="LicenseCheck.FromCache"/>).</summary>
    Valid,

    /// <summary>The store answered, signed, that the license may not run here (<see cref="LicenseCheck.Code"/>: <c>not_found</c>, <c>revoked</c>, <c>expired</c>, <c>max_activations</c>...).</summary>
    Invalid,

    /// <summary>The store answered, signed, that the request itself was wrong (<c>validation_failed</c>, <c>bad_request</c>...); nothing was said about the license.</summary>
    Refused,

    /// <summary>An answer came, but its signature or nonce did not check out, or its shape was not the documented one: it is not from the store, or was altered or replayed on the way. Never valid.</summary>
    Untrusted,

    /// <summary>The store could not be reached (network error, timeout, a 5xx, or 429 too many requests) and no usable cached answer was at hand.</summary>
    Unreachable,
}
