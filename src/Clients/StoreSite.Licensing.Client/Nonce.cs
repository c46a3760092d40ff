using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace StoreSite.Licensing.Client;

/// <summary>
/// The nonce each call sends: <c>&lt;random&gt;.&lt;binding&gt;</c>, both base64url (characters the
/// API allows: <c>A-Z a-z 0-9 - _</c> and the dot), 45 characters. The random part is 16 bytes
/// from the system's cryptographic generator, so every call's nonce is new and an old answer
/// cannot be replayed. The binding part is a hash of the random part with the license key, the
/// domain and the product: the store echoes the nonce inside the signed body, so a cached answer
/// proves which key and domain it was given for and cannot be moved to another installation's
/// cache.
/// </summary>
internal static class Nonce
{
    private const int RandomBytes = 16;
    private const int BindingBytes = 16;

    public static string Create(string licenseKey, string domain, string product)
    {
        var random = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(RandomBytes));
        return $"{random}.{Binding(random, licenseKey, domain, product)}";
    }

    public static bool IsBoundTo(string nonce, string licenseKey, string domain, string product)
    {
        var dot = nonce.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0)
        {
            return false;
        }

        var expected = Binding(nonce[..dot], licenseKey, domain, product);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(nonce[(dot + 1)..]));
    }

    private static string Binding(string random, string licenseKey, string domain, string product)
    {
        var input = string.Join('\n', "storesite-license-client/1", random, licenseKey.Trim().ToUpperInvariant(), domain.Trim().ToLowerInvariant(), product);
        return Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(input)).AsSpan(0, BindingBytes));
    }
}
