using System.Diagnostics.CodeAnalysis;
using NSec.Cryptography;

namespace CP.Licensing.Keys;

/// <summary>
/// The site's Ed25519 key pair that signs API answers to requests carrying a nonce
/// (docs/verify-api.md, "Signed answers"). Built from the 32-byte private seed stored in the
/// database, so every node signs with the same key. The seed is never shown or logged: only the
/// public key leaves this class.
/// </summary>
public sealed class ResponseSigningKey : IDisposable
{
    /// <summary>Length of the private seed and of the public key, in bytes.</summary>
    public const int KeyLength = 32;

    /// <summary>Length of a signature, in bytes.</summary>
    public const int SignatureLength = 64;

    /// <summary>The algorithm's name in the signature header and the signing-key endpoint.</summary>
    public const string AlgorithmName = "ed25519";

    private static readonly SignatureAlgorithm Algorithm = SignatureAlgorithm.Ed25519;

    private readonly Key key;

    private ResponseSigningKey(Key key)
    {
        this.key = key;
        PublicKey = Convert.ToBase64String(key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
    }

    /// <summary>The public key, base64 of its 32 bytes: what product developers embed.</summary>
    public string PublicKey { get; }

    /// <summary>A new random private seed, base64 (what setup stores).</summary>
    public static string NewSeed()
    {
        using var key = Key.Create(Algorithm, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        return Convert.ToBase64String(key.Export(KeyBlobFormat.RawPrivateKey));
    }

    /// <summary>True when <paramref name="seed"/> is base64 of exactly 32 bytes.</summary>
    public static bool IsValidSeed([NotNullWhen(true)] string? seed) => Decode(seed) is not null;

    /// <summary>The key pair of a stored seed (base64 of 32 bytes).</summary>
    public static ResponseSigningKey FromSeed(string seed)
    {
        var bytes = Decode(seed) ?? throw new FormatException("The response signing key must be base64 of 32 bytes.");
        try
        {
            return new ResponseSigningKey(Key.Import(Algorithm, bytes, KeyBlobFormat.RawPrivateKey));
        }
        finally
        {
            Array.Clear(bytes);
        }
    }

    /// <summary>Writes the 64-byte signature of <paramref name="body"/> into <paramref name="signature"/>.</summary>
    public void Sign(ReadOnlySpan<byte> body, Span<byte> signature) => Algorithm.Sign(key, body, signature);

    /// <summary>The header value: <c>ed25519=</c> and base64 of the signature of <paramref name="body"/>.</summary>
    public string SignatureHeader(ReadOnlySpan<byte> body)
    {
        Span<byte> signature = stackalloc byte[SignatureLength];
        Sign(body, signature);
        return AlgorithmName + "=" + Convert.ToBase64String(signature);
    }

    /// <summary>Checks a signature with a public key (base64): what a product does, and what tests use.</summary>
    public static bool Verify(string publicKey, ReadOnlySpan<byte> body, ReadOnlySpan<byte> signature)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        if (signature.Length != SignatureLength || Decode(publicKey) is not { } bytes)
        {
            return false;
        }

        return NSec.Cryptography.PublicKey.TryImport(Algorithm, bytes, KeyBlobFormat.RawPublicKey, out var key)
            && Algorithm.Verify(key!, body, signature);
    }

    public void Dispose() => key.Dispose();

    private static byte[]? Decode(string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64) || base64.Length > 64)
        {
            return null;
        }

        var bytes = new byte[48];
        return Convert.TryFromBase64String(base64.Trim(), bytes, out var written) && written == KeyLength ? bytes[..KeyLength] : null;
    }
}
