using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace StoreSite.Web.Accounts;

/// <summary>Identity's password reset token, made safe for a URL (<c>?code=…</c>) and back.</summary>
public static class ResetCode
{
    /// <summary>Longer codes are not ours: refused before decoding.</summary>
    public const int MaxLength = 2000;

    public static string Encode(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
    }

    /// <summary>The token, or null when <paramref name="code"/> is not a code this site made.</summary>
    public static string? Decode(string? code)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > MaxLength)
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code.Trim()));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
