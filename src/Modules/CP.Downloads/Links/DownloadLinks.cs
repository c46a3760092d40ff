using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace CP.Downloads.Links;

/// <summary>
/// The tokens of download links (<c>/downloads/{token}</c>): Data Protection (the site's key ring,
/// shared by every node) protects the release, the grant and the expiry, so a token cannot be made or
/// changed elsewhere. The expiry is checked against the site clock, <see cref="Lifetime"/> after issue.
/// A token says nothing about entitlement: the endpoint asks again at each use.
/// </summary>
public sealed class DownloadLinks(IDataProtectionProvider protection, TimeProvider clock)
{
    public const string Purpose = "CP.Downloads.DownloadLink.v1";

    /// <summary>Longer tokens are refused before any decryption.</summary>
    public const int MaxTokenLength = 1024;

    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private readonly IDataProtector _protector = protection.CreateProtector(Purpose);

    public string TokenForLicense(int releaseId, int licenseId) => Protect(releaseId, "L" + licenseId.ToString(CultureInfo.InvariantCulture));

    public string TokenForCustomer(int releaseId, string customerId)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        return Protect(releaseId, "C" + customerId);
    }

    /// <summary>The token's content, or null when it is not one this site made (garbage, tampered, too long).</summary>
    public DownloadToken? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return null;
        }

        string text;
        try
        {
            text = _protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }

        var parts = text.Split('|', 3);
        if (parts.Length != 3
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var releaseId)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || parts[2].Length < 2)
        {
            return null;
        }

        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(expires);
        var grant = parts[2][1..];
        return parts[2][0] switch
        {
            'L' when int.TryParse(grant, NumberStyles.None, CultureInfo.InvariantCulture, out var licenseId) => new DownloadToken(releaseId, licenseId, null, expiresAt),
            'C' => new DownloadToken(releaseId, null, grant, expiresAt),
            _ => null,
        };
    }

    /// <summary>Whether the token's time is over (site clock).</summary>
    public bool HasExpired(DownloadToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return clock.GetUtcNow() >= token.ExpiresAt;
    }

    private string Protect(int releaseId, string grant)
    {
        var expires = clock.GetUtcNow().Add(Lifetime).ToUnixTimeSeconds();
        return _protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{releaseId}|{expires}|{grant}"));
    }
}
