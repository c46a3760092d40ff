using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace CP.Licensing.Keys;

/// <summary>
/// Generates and checks keys (docs/architecture.md, "License keys"): <c>PREFIX-G1-G2-G3-G4-S</c>, four groups of six
/// Crockford base32 characters (120 random bits) and a signature group <c>S</c>: the first 30 bits of
/// HMAC-SHA256(secret, ASCII("PREFIX-G1-G2-G3-G4")), most significant five bits first.
/// Checking allocates nothing: a wrong shape or signature is known before any database lookup.
/// </summary>
public static class LicenseKeys
{
    public const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public const int GroupLength = 6;
    public const int RandomGroups = 4;
    public const int MaxPrefixLength = 12;

    /// <summary>The longest key any prefix allows.</summary>
    public const int MaxKeyLength = MaxPrefixLength + (RandomGroups + 1) * (GroupLength + 1);

    private static readonly bool[] InAlphabet = BuildAlphabetTable();

    // One HMAC per thread, keyed once: a one-shot HMAC sets the key up (and, with OpenSSL 3, looks
    // the algorithm up) on every call, which cost more than the rest of rejecting a tampered key.
    [ThreadStatic]
    private static IncrementalHash? t_hmac;

    [ThreadStatic]
    private static byte[]? t_hmacSecret;

    /// <summary>Length of a key with a prefix of <paramref name="prefixLength"/> characters.</summary>
    public static int KeyLength(int prefixLength) => prefixLength + (RandomGroups + 1) * (GroupLength + 1);

    /// <summary>A prefix is 1 to 12 upper-case letters or digits.</summary>
    public static bool IsValidPrefix(string? prefix) =>
        prefix is { Length: > 0 and <= MaxPrefixLength } && prefix.All(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9'));

    /// <summary>A new key: 120 bits from a cryptographic RNG, signed with <paramref name="secret"/>.</summary>
    public static string Generate(string prefix, ReadOnlySpan<byte> secret)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (!IsValidPrefix(prefix))
        {
            throw new ArgumentException("The key prefix must be 1 to 12 upper-case letters or digits.", nameof(prefix));
        }

        Span<byte> random = stackalloc byte[RandomGroups * GroupLength * 5 / 8];
        RandomNumberGenerator.Fill(random);
        Span<char> key = stackalloc char[KeyLength(prefix.Length)];
        prefix.AsSpan().CopyTo(key);
        var position = prefix.Length;
        for (var symbol = 0; symbol < RandomGroups * GroupLength; symbol++)
        {
            if (symbol % GroupLength == 0)
            {
                key[position++] = '-';
            }

            key[position++] = Alphabet[FiveBitsAt(random, symbol * 5)];
        }

        key[position++] = '-';
        Sign(key[..(position - 1)], secret, key[position..]);
        return new string(key);
    }

    /// <summary>The six signature characters of an unsigned key <c>PREFIX-G1-G2-G3-G4</c>.</summary>
    public static string Sign(string unsignedKey, ReadOnlySpan<byte> secret)
    {
        ArgumentNullException.ThrowIfNull(unsignedKey);
        Span<char> signature = stackalloc char[GroupLength];
        Sign(unsignedKey, secret, signature);
        return new string(signature);
    }

    /// <summary>
    /// True when <paramref name="key"/> (already trimmed and upper-cased) has the site's prefix, the
    /// shape of a key and the right signature.
    /// </summary>
    public static bool IsValid(ReadOnlySpan<char> key, string prefix, ReadOnlySpan<byte> secret)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (secret.IsEmpty || key.Length != KeyLength(prefix.Length) || !key.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        for (var i = prefix.Length; i < key.Length; i++)
        {
            var separator = (i - prefix.Length) % (GroupLength + 1) == 0;
            if (separator ? key[i] != '-' : key[i] >= InAlphabet.Length || !InAlphabet[key[i]])
            {
                return false;
            }
        }

        Span<char> expected = stackalloc char[GroupLength];
        Sign(key[..^(GroupLength + 1)], secret, expected);
        return CryptographicOperations.FixedTimeEquals(MemoryMarshal.AsBytes(expected), MemoryMarshal.AsBytes(key[^GroupLength..]));
    }

    /// <summary>The key as logs may show it: every group but the last masked.</summary>
    public static string Mask(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return string.Empty;
        }

        var last = key.LastIndexOf('-');
        if (last < 0 || key.Length - last - 1 > GroupLength)
        {
            return "***";
        }

        var masked = key.ToCharArray();
        for (var i = 0; i < last; i++)
        {
            if (masked[i] != '-')
            {
                masked[i] = '*';
            }
        }

        return new string(masked);
    }

    private static void Sign(ReadOnlySpan<char> unsignedKey, ReadOnlySpan<byte> secret, Span<char> destination)
    {
        Span<byte> ascii = stackalloc byte[MaxKeyLength];
        var length = Encoding.ASCII.GetBytes(unsignedKey, ascii);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        var hmac = HmacFor(secret);
        hmac.AppendData(ascii[..length]);
        hmac.GetHashAndReset(mac);
        var bits = (uint)(mac[0] << 24 | mac[1] << 16 | mac[2] << 8 | mac[3]) >> 2;
        for (var i = 0; i < GroupLength; i++)
        {
            destination[i] = Alphabet[(int)(bits >> (25 - (5 * i))) & 31];
        }
    }

    private static IncrementalHash HmacFor(ReadOnlySpan<byte> secret)
    {
        if (t_hmac is null || !secret.SequenceEqual(t_hmacSecret))
        {
            t_hmac?.Dispose();
            t_hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, secret);
            t_hmacSecret = secret.ToArray();
        }

        return t_hmac;
    }

    private static int FiveBitsAt(ReadOnlySpan<byte> bytes, int bitOffset)
    {
        var index = bitOffset / 8;
        var window = bytes[index] << 8 | (index + 1 < bytes.Length ? bytes[index + 1] : 0);
        return (window >> (11 - (bitOffset % 8))) & 31;
    }

    private static bool[] BuildAlphabetTable()
    {
        var table = new bool[128];
        foreach (var c in Alphabet)
        {
            table[c] = true;
        }

        return table;
    }
}
