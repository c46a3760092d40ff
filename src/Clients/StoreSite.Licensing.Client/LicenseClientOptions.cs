namespace StoreSite.Licensing.Client;

/// <summary>How a <see cref="LicenseClient"/> reaches and trusts the store. Checked when the client is created.</summary>
public sealed class LicenseClientOptions
{
    /// <summary>The store's base address, e.g. <c>https://store.example.com/</c> (the API lives under <c>api/v1/licenses/</c> below it).</summary>
    public required Uri StoreUrl { get; init; }

    /// <summary>The product's slug, as in the store's <c>/products/{slug}</c>; sent with every call, so a key of another product answers <c>product_mismatch</c>.</summary>
    public required string ProductSlug { get; init; }

    /// <summary>
    /// The store's Ed25519 public key, base64 of 32 bytes, as Admin -> Settings (or
    /// <c>GET /api/v1/licenses/signing-key</c>) shows it. Embed it in the product: an answer is
    /// accepted only when its signature verifies with this key.
    /// </summary>
    public required string StorePublicKey { get; init; }

    /// <summary>How long after its <c>checked_at</c> the last valid answer is served while the store cannot be reached. Default 7 days; <see cref="TimeSpan.Zero"/> turns offline use off.</summary>
    public TimeSpan GracePeriod { get; init; } = TimeSpan.FromDays(7);

    /// <summary>How long one call may take before the store counts as unreachable. Default 15 seconds.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Where to keep the last valid signed answer (a <see cref="FileAnswerCache"/>). Give this or <see cref="Cache"/>, not both; neither means no offline use.</summary>
    public string? CacheFilePath { get; init; }

    /// <summary>Your own place to keep the last valid signed answer. Give this or <see cref="CacheFilePath"/>, not both.</summary>
    public IAnswerCache? Cache { get; init; }

    /// <summary>The clock (for the grace period and expiry of cached answers). Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
