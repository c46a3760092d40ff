using NSec.Cryptography;

namespace StoreSite.Licensing.Client;

/// <summary>Checks the store's <c>X-License-Signature: ed25519=&lt;base64&gt;</c> over the exact body bytes with the embedded public key.</summary>
internal sealed class StoreSignature
{
    public const string HeaderName = "X-License-Signature";

    private const string Prefix = "ed25519=";
    private static readonly SignatureAlgorithm Algorithm = SignatureAlgorithm.Ed25519;

    private readonly PublicKey publicKey;

    private StoreSignature(PublicKey publicKey) => this.publicKey = publicKey;

    /// <summary>The key from its base64 form (32 bytes), or an <see cref="ArgumentException"/> naming the option.</summary>
    public static StoreSignature FromBase64(string? publicKeyBase64)
    {
        var bytes = new byte[32];
        if (string.IsNullOrWhiteSpace(publicKeyBase64)
            || !Convert.TryFromBase64String(publicKeyBase64.Trim(), bytes, out var written)
            || written != Algorithm.PublicKeySize
            || !PublicKey.TryImport(Algorithm, bytes, KeyBlobFormat.RawPublicKey, out var key)
            || key is null)
        {
            throw new ArgumentException(
                $"{nameof(LicenseClientOptions)}.{nameof(LicenseClientOptions.StorePublicKey)} must be the base64 of the store's 32-byte Ed25519 public key (Admin -> Settings shows it).",
                nameof(publicKeyBase64));
        }

        return new StoreSignature(key);
    }

    /// <summary>The 64 signature bytes of a header value <c>ed25519=&lt;base64&gt;</c>, or <c>null</c> when it has another shape.</summary>
    public static byte[]? ParseHeader(string? value)
    {
        if (value is null || !value.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var signature = new byte[Algorithm.SignatureSize];
        return Convert.TryFromBase64String(value[Prefix.Length..].Trim(), signature, out var written) && written == signature.Length
            ? signature
            : null;
    }

    public bool Verifies(ReadOnlySpan<byte> body, ReadOnlySpan<byte> signature) =>
        signature.Length == Algorithm.SignatureSize && Algorithm.Verify(publicKey, body, signature);
}
