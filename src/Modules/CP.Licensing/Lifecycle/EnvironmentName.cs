using System.Buffers;
using System.Globalization;
using System.Net;

namespace CP.Licensing.Lifecycle;

/// <summary>
/// Normalizes what identifies an environment (docs/verify-api.md). A domain may be a host name,
/// <c>host:port</c> or a URL (its host is taken); it becomes lower case punycode without a trailing
/// dot or a leading <c>www.</c>, and must then be a valid host name of at most 253 characters.
/// An IP address is stored in its canonical text, an IPv4-mapped IPv6 address as IPv4.
/// </summary>
public static class EnvironmentName
{
    public const int MaxDomainLength = 253;

    /// <summary>Longer input is refused before any work (a URL with a long path is still fine).</summary>
    public const int MaxInputLength = 2048;

    private static readonly SearchValues<char> LabelCharacters = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-");
    private static readonly SearchValues<char> SchemeCharacters = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-.");
    private static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");
    private static readonly SearchValues<char> DottedQuadCharacters = SearchValues.Create("0123456789.");
    private static readonly SearchValues<char> PathStart = SearchValues.Create("/?#");

    /// <summary>The normalized domain, or null when <paramref name="input"/> names no valid host.</summary>
    public static string? NormalizeDomain(string? input)
    {
        if (input is null || input.Length > MaxInputLength)
        {
            return null;
        }

        var host = input.AsSpan().Trim();
        var scheme = host.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            if (!IsScheme(host[..scheme]))
            {
                return null;
            }

            host = host[(scheme + 3)..];
        }
        else if (host.StartsWith("//", StringComparison.Ordinal))
        {
            host = host[2..];
        }

        var pathStart = host.IndexOfAny(PathStart);
        if (pathStart >= 0)
        {
            host = host[..pathStart];
        }

        var userInfo = host.LastIndexOf('@');
        if (userInfo >= 0)
        {
            host = host[(userInfo + 1)..];
        }

        var colon = host.IndexOf(':');
        if (colon >= 0)
        {
            if (!IsPort(host[(colon + 1)..]))
            {
                return null;
            }

            host = host[..colon];
        }

        if (host.EndsWith('.'))
        {
            host = host[..^1];
        }

        if (host.IsEmpty || host.Length > MaxInputLength)
        {
            return null;
        }

        string ascii;
        if (System.Text.Ascii.IsValid(host))
        {
            ascii = host.ToString().ToLowerInvariant();
        }
        else
        {
            try
            {
                ascii = new IdnMapping { UseStd3AsciiRules = true }.GetAscii(host.ToString()).ToLowerInvariant();
            }
            catch (ArgumentException)
            {
                return null;
            }

            if (ascii.EndsWith('.'))
            {
                ascii = ascii[..^1];
            }
        }

        if (ascii.StartsWith("www.", StringComparison.Ordinal))
        {
            ascii = ascii[4..];
        }

        return IsHostName(ascii) ? ascii : null;
    }

    /// <summary>Parses an IPv4 (dotted quad) or IPv6 address; null for anything else.</summary>
    public static IPAddress? ParseIp(string? input)
    {
        if (input is null || input.Length > 64)
        {
            return null;
        }

        var text = input.AsSpan().Trim();
        if (text.Contains(':'))
        {
            return IPAddress.TryParse(text, out var v6) && v6.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? v6 : null;
        }

        // IPAddress.TryParse also takes "1", "0x7f.1" or "127.1"; an IPv4 address here is a dotted quad.
        return text.Count('.') == 3 && !text.ContainsAnyExcept(DottedQuadCharacters) && IPAddress.TryParse(text, out var v4) ? v4 : null;
    }

    /// <summary>The address as environments store it: IPv4-mapped IPv6 as IPv4, canonical text.</summary>
    public static string Canonical(IPAddress? address) =>
        address is null ? "unknown"
        : address.IsIPv4MappedToIPv6 ? address.MapToIPv4().ToString()
        : address.ToString();

    /// <summary>Labels of letters, digits and hyphens (not at either end), 1 to 63 long, 253 in all.</summary>
    public static bool IsHostName(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (host.Length is 0 or > MaxDomainLength)
        {
            return false;
        }

        foreach (var range in host.AsSpan().Split('.'))
        {
            var label = host.AsSpan(range);
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-' || label.ContainsAnyExcept(LabelCharacters))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsScheme(ReadOnlySpan<char> scheme) =>
        scheme.Length is > 0 and <= 32 && char.IsAsciiLetter(scheme[0]) && !scheme.ContainsAnyExcept(SchemeCharacters);

    private static bool IsPort(ReadOnlySpan<char> port) =>
        port.Length is > 0 and <= 5 && !port.ContainsAnyExcept(Digits) && int.Parse(port, CultureInfo.InvariantCulture) <= 65535;
}
