using System.Globalization;
using System.Text;

namespace StoreSite.Http;

/// <summary>
/// A URL a client asks to be sent back to (a <c>returnUrl</c>), made safe for a <c>Location</c>
/// header before any work is done with the request. Only a path on this site is kept: it starts
/// with one <c>/</c> (not <c>//</c> or <c>/\</c>, which browsers read as another host), holds no
/// control character (CR, LF, tab, …: browsers drop some of them, so <c>/\t/evil</c> would become
/// <c>//evil</c>) and no broken UTF-16. Characters a header cannot carry — anything outside
/// printable ASCII, such as <c>é</c> or U+2028 — and the few ASCII characters that are not allowed
/// in a URL are percent-encoded as UTF-8, so the answer is always a plain-ASCII local URL
/// (Kestrel refuses to send a <c>Location</c> with any other character). Everything else is
/// refused (null), and the caller falls back to its default page.
/// </summary>
public static class LocalRedirectUrl
{
    /// <summary>Longer URLs, before or after encoding, are refused (the forms carry at most 2,000 characters).</summary>
    public const int MaxLength = 2000;

    // ASCII characters a URL cannot carry as they are; '%' is kept when it starts an escape.
    private const string Unsafe = " \"<>\\^`{|}";

    /// <summary>The local, ASCII-only URL to redirect to, or null when <paramref name="url"/> is not one.</summary>
    public static string? From(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Length > MaxLength || url[0] != '/' || (url.Length > 1 && url[1] is '/' or '\\'))
        {
            return null;
        }

        StringBuilder? encoded = null;
        for (var i = 0; i < url.Length; i++)
        {
            var c = url[i];
            var start = i;
            string escape;
            if (char.IsControl(c) || char.IsLowSurrogate(c))
            {
                return null;
            }

            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= url.Length || !char.IsLowSurrogate(url[i + 1]))
                {
                    return null;
                }

                escape = Escape(url.AsSpan(i, 2));
                i++;
            }
            else if (c > '\u007E' || Unsafe.Contains(c, StringComparison.Ordinal) || (c == '%' && !StartsEscape(url, i)))
            {
                escape = Escape(url.AsSpan(i, 1));
            }
            else
            {
                encoded?.Append(c);
                continue;
            }

            encoded ??= new StringBuilder(url.Length + 16).Append(url, 0, start);
            encoded.Append(escape);
        }

        // Encoded, it must still fit the forms' hidden field, or the next post would refuse it.
        var result = encoded?.ToString() ?? url;
        return result.Length <= MaxLength ? result : null;
    }

    private static bool StartsEscape(string url, int i) =>
        i + 2 < url.Length && char.IsAsciiHexDigit(url[i + 1]) && char.IsAsciiHexDigit(url[i + 2]);

    private static string Escape(ReadOnlySpan<char> text)
    {
        Span<byte> bytes = stackalloc byte[4];
        var count = Encoding.UTF8.GetBytes(text, bytes);
        var escaped = new StringBuilder(count * 3);
        foreach (var b in bytes[..count])
        {
            escaped.Append(CultureInfo.InvariantCulture, $"%{b:X2}");
        }

        return escaped.ToString();
    }
}
