namespace StoreSite.Licensing.Client;

/// <summary>What a deactivation came to.</summary>
public enum DeactivationStatus
{
    /// <summary>The store removed this environment from the license's allow-list and freed its slot.</summary>
    Deactivated,

    /// <summary>The store answered, signed, that nothing was removed (<see cref="DeactivationResult.Code"/>: <c>not_activated</c>, <c>deactivation_limit</c>, <c>revoked</c>, <c>validation_failed</c>...).</summary>
    Refused,

    /// <summary>An answer came, but its signature or nonce did not check out: nothing can be concluded from it.</summary>
    Untrusted,

    /// <summary>The store could not be reached (network error, timeout, a 5xx, or 429 too many requests).</summary>
    Unreachable,
}
