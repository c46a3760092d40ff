using System.Globalization;
using Microsoft.AspNetCore.DataProtection;

namespace CP.Commerce.Renewals;

/// <summary>
/// The token of a "Renew" link in a mail (<c>GET /account/licenses/{id}/renew?token=…</c>): Data
/// Protection names the key and limits the token to <see cref="Lifetime"/>, so only a link the store
/// sent puts a renewal in a customer's cart by a GET (a page elsewhere cannot). The customer still
/// signs in, and the key must still be theirs and renewable.
/// </summary>
public sealed class RenewalLinks(IDataProtectionProvider protection)
{
    public const string Purpose = "CP.Commerce.RenewalLink.v1";

    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(60);

    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector(Purpose).ToTimeLimitedDataProtector();

    public string Token(int licenseId) => _protector.Protect(licenseId.ToString(CultureInfo.InvariantCulture), Lifetime);

    /// <summary>True when <paramref name="token"/> was made for <paramref name="licenseId"/> and has not expired.</summary>
    public bool Accepts(int licenseId, string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1024)
        {
            return false;
        }

        try
        {
            return _protector.Unprotect(token, out _) == licenseId.ToString(CultureInfo.InvariantCulture);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }
}
