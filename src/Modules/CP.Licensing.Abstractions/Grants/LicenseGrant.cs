namespace CP.Licensing.Grants;

/// <summary>
/// A license as other modules see it: the key's id, its product, the last day it is valid (UTC; null for
/// Lifetime), and whether it is revoked or suspended.
/// </summary>
public sealed record LicenseGrant(int LicenseId, int ProductId, DateOnly? ExpiresOn, bool IsRevoked, bool IsSuspended);
