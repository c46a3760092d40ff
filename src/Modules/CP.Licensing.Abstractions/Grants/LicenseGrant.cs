namespace CP.Licensing.Grants;

/// <summary>
/// A license as other modules see it: the key's id, its product, the last day it is valid (UTC; null for
/// Lifetime), and whether it is revoked or suspended; who holds it now and the key as logs may show it
/// (every group but the last masked).
/// </summary>
public sealed record LicenseGrant(int LicenseId, int ProductId, DateOnly? ExpiresOn, bool IsRevoked, bool IsSuspended)
{
    /// <summary>The customer who holds the key now (it moves with a transfer).</summary>
    public string CustomerId { get; init; } = string.Empty;

    /// <summary>The key with every group but the last masked, e.g. <c>**-******-…-HTARZ4</c>.</summary>
    public string MaskedKey { get; init; } = string.Empty;
}
