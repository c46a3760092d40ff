namespace StoreSite.Licensing.Client;

/// <summary>The result of <see cref="LicenseClient.DeactivateAsync"/>.</summary>
public sealed record DeactivationResult
{
    /// <summary>What the deactivation came to.</summary>
    public required DeactivationStatus Status { get; init; }

    /// <summary>The store's answer code for a refusal (see <see cref="LicenseCodes"/>); <c>null</c> when deactivated.</summary>
    public string? Code { get; init; }

    /// <summary>The store's English reason for a refusal, for logs.</summary>
    public string? Reason { get; init; }

    /// <summary>Activations Used and Max Activations after the slot was freed.</summary>
    public Activations? Activations { get; init; }

    /// <summary>When the store made the answer (its <c>checked_at</c>).</summary>
    public DateTimeOffset? CheckedAt { get; init; }

    /// <summary>For <c>validation_failed</c>: the messages per request field name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? Errors { get; init; }

    /// <summary>For a 429: how long the store asked to wait, when it said.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Whether the environment was removed: <see cref="Status"/> is <see cref="DeactivationStatus.Deactivated"/>.</summary>
    public bool IsDeactivated => Status == DeactivationStatus.Deactivated;
}
