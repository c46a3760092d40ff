using System.Text.RegularExpressions;

namespace CP.Commerce.Discounts;

/// <summary>
/// What a discount code may be and how it is stored: 3 to 32 of A-Z, 0-9, <c>-</c> and <c>_</c>,
/// starting with a letter or digit, compared case-insensitively by storing it upper case.
/// </summary>
public static partial class DiscountCode
{
    public const int MaxLength = 32;

    public const string Rule = "3 to 32 letters A-Z, digits, - or _, starting with a letter or digit.";

    /// <summary>The code as stored and compared (trimmed, upper case); null when it breaks <see cref="Rule"/>.</summary>
    public static string? Normalize(string? text)
    {
        var trimmed = text?.Trim();
        return trimmed is { Length: >= 3 and <= MaxLength } && Pattern().IsMatch(trimmed) ? trimmed.ToUpperInvariant() : null;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]*$")]
    private static partial Regex Pattern();
}
