using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using MimeKit;

namespace StoreSite.Mail;

/// <summary>
/// The one rule for an email address that people type or recipes give (registration, setup, the
/// Users page and step, license generation and import): the address must reach its owner, so it
/// is checked with the parser the mailer uses (MimeKit, <see cref="ParserOptions"/>) and accepted
/// only when that parser reads it back unchanged as a bare address — no display name, comment,
/// route, quoted local part or group. Besides: at most <see cref="MaxLength"/> characters, a local
/// part of at most 64 ASCII characters (letters, digits and <c>!#$%&amp;'*+-/=?^_`{|}~.</c>, so
/// plus-addressing works), and a domain that is a host name with a dot (an IDN domain is accepted
/// in Unicode or as punycode; the mailer sends it as punycode). The value is trimmed first.
/// </summary>
public static class EmailAddressRule
{
    public const int MaxLength = 256;

    public const int MaxLocalPartLength = 64;

    private const string LocalPartSymbols = "!#$%&'*+-/=?^_`{|}~.";

    private static readonly ParserOptions Strict = new()
    {
        AddressParserComplianceMode = RfcComplianceMode.Strict,
        Rfc2047ComplianceMode = RfcComplianceMode.Strict,
        AllowAddressesWithoutDomain = false,
        AllowUnquotedCommasInAddresses = false,
    };

    /// <summary>The parser settings of the check, for the mailer (a copy: callers may not change the rule).</summary>
    public static ParserOptions ParserOptions => Strict.Clone();

    /// <summary>True when <paramref name="value"/>, trimmed, is an address the mailer can send to as it is.</summary>
    public static bool IsValid([NotNullWhen(true)] string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var address = value.Trim();
        if (address.Length > MaxLength || address.Any(char.IsControl))
        {
            return false;
        }

        var at = address.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != address.LastIndexOf('@') || at > MaxLocalPartLength
            || !address[..at].All(c => char.IsAsciiLetterOrDigit(c) || LocalPartSymbols.Contains(c, StringComparison.Ordinal))
            || !IsHostName(address[(at + 1)..]))
        {
            return false;
        }

        return MailboxAddress.TryParse(Strict, address, out var mailbox)
            && string.IsNullOrEmpty(mailbox.Name)
            && mailbox.Route.Count == 0
            && (string.Equals(mailbox.Address, address, StringComparison.Ordinal) || string.Equals(mailbox.GetAddress(idnEncode: true), address, StringComparison.Ordinal));
    }

    private static bool IsHostName(string domain)
    {
        string ascii;
        try
        {
            // Instance members of IdnMapping are not documented as thread-safe: one per check.
            ascii = new IdnMapping { UseStd3AsciiRules = true, AllowUnassigned = false }.GetAscii(domain);
        }
        catch (ArgumentException)
        {
            return false;
        }

        var lastDot = ascii.LastIndexOf('.');
        return ascii.Length <= 253 && lastDot > 0 && lastDot < ascii.Length - 1 && !ascii[(lastDot + 1)..].All(char.IsAsciiDigit);
    }
}
