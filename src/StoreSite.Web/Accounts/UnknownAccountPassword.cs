using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using StoreSite.Web.Data;

namespace StoreSite.Web.Accounts;

/// <summary>
/// The password hash that sign-in checks an unknown email's password against: made once per node,
/// with the site's own hasher, from a random password nobody knows. The unknown-email path thus
/// costs one hash verification, like a real account's, and its answer takes as long.
/// </summary>
public sealed class UnknownAccountPassword
{
    private static readonly StoreUser Nobody = new();
    private string? _hash;

    public void Verify(IPasswordHasher<StoreUser> hasher, string password)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        var hash = LazyInitializer.EnsureInitialized(ref _hash, () => hasher.HashPassword(Nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
        _ = hasher.VerifyHashedPassword(Nobody, hash, password);
    }
}
