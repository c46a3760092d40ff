using System.Globalization;
using StoreSite.Settings;

namespace CP.Commerce.Services;

/// <summary>
/// Amounts of money: how they are written on pages and in emails (thousands grouped, as many decimals
/// as the currency has minor units, and the currency code: <c>1,059.97 USD</c>, <c>1,500 JPY</c>),
/// and the one rule by which a typed amount is read, whatever the culture of
/// the server or the browser (<see cref="TryParse"/>).
/// </summary>
public static class Money
{
    /// <summary>The highest price a plan may have (and the highest amount <see cref="TryParse"/> reads).</summary>
    public const decimal MaxPrice = 1_000_000m;

    public const string PriceProblem = "The price must be between 0 and 1,000,000 with at most two decimals.";

    /// <summary>The rule of <see cref="TryParse"/> in words, shown under every money field.</summary>
    public const string InputRule = "Digits with a point before the cents, e.g. 19.99 or 1,000.00: commas only between groups of three digits, at most two decimals.";

    public const string EmptyProblem = "Enter an amount.";
    public const string NegativeProblem = "Enter the amount without a sign; it cannot be negative.";
    public const string DigitsProblem = "Use the digits 0 to 9.";
    public const string CharactersProblem = "Use only digits, a point before the cents and commas between thousands, e.g. 1,000.00.";
    public const string DecimalsProblem = "Use at most two decimals after the point (for thousands, use commas: 1,000.00).";
    public const string GroupingProblem = "Commas may only group thousands in threes, e.g. 1,000.00; the cents come after a point.";
    public const string TooLargeProblem = "Enter at most 1,000,000.00.";

    /// <summary>Longer input is no amount of at most <see cref="MaxPrice"/> (and is never parsed).</summary>
    private const int MaxInputLength = 32;

    /// <summary>How many decimals <paramref name="currency"/> is written with (<see cref="IsoCurrencies.MinorUnits"/>, the table Admin -> Settings chooses from); 2 for a code .NET does not know.</summary>
    public static int MinorUnits(string currency) => IsoCurrencies.MinorUnits(currency);

    /// <summary>An amount as pages and mails show it: <c>1,199.40 USD</c>, <c>1,500 JPY</c> (the same in every culture).</summary>
    public static string Format(decimal amount, string currency) =>
        string.Create(CultureInfo.InvariantCulture, $"{amount.ToString("N" + MinorUnits(currency).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)} {currency}");

    /// <summary>An amount as a money field shows it: <c>1000.00</c> (the rule of <see cref="TryParse"/> reads it back as is).</summary>
    public static string FormatInput(decimal? amount) =>
        amount is { } value ? value.ToString("0.00", CultureInfo.InvariantCulture) : string.Empty;

    /// <summary>True for a price of zero or more, at most <see cref="MaxPrice"/>, with at most two decimals.</summary>
    public static bool IsValidPrice(decimal price) => price >= 0 && price <= MaxPrice && decimal.Round(price, 2) == price;

    /// <summary>
    /// Reads a typed amount by one rule, the same in every culture (<see cref="InputRule"/>): ASCII
    /// digits; a point is the decimal separator, followed by one or two digits; commas may only
    /// group the digits before the point in threes (<c>1,000.00</c>); no sign, no exponent, no other
    /// character; white space around it is ignored. At most <see cref="MaxPrice"/>. Anything else
    /// is refused with a <paramref name="problem"/> to show next to the field (for a European
    /// decimal comma such as <c>9,50</c> it suggests <c>9.50</c>): never read as another amount.
    /// </summary>
    public static bool TryParse(string? text, out decimal amount, out string? problem)
    {
        problem = Problem(text?.Trim() ?? string.Empty, out amount);
        return problem is null;
    }

    private static string? Problem(string text, out decimal amount)
    {
        amount = 0;
        if (text.Length == 0)
        {
            return EmptyProblem;
        }

        if (text.Length > MaxInputLength)
        {
            return text.All(IsAsciiDigitOrSeparator) ? TooLargeProblem : CharactersProblem;
        }

        if (text[0] is '-' or '+' or '\u2212')
        {
            return NegativeProblem;
        }

        if (text.Any(c => char.IsDigit(c) && !char.IsAsciiDigit(c)))
        {
            return DigitsProblem;
        }

        if (!text.All(IsAsciiDigitOrSeparator))
        {
            return CharactersProblem;
        }

        if (EuropeanReading(text) is { } suggestion)
        {
            return $"Write a point before the cents: {suggestion}.";
        }

        var point = text.IndexOf('.', StringComparison.Ordinal);
        var whole = point < 0 ? text : text[..point];
        var cents = point < 0 ? string.Empty : text[(point + 1)..];
        if (point >= 0 && (cents.Contains('.', StringComparison.Ordinal) || cents.Contains(',', StringComparison.Ordinal)))
        {
            return GroupingProblem;
        }

        if (point >= 0 && cents.Length > 2)
        {
            return DecimalsProblem;
        }

        if (point >= 0 && cents.Length == 0 && whole.Length == 0)
        {
            return CharactersProblem;
        }

        if (point >= 0 && cents.Length == 0)
        {
            return $"Write one or two digits after the point, e.g. {whole.Replace(",", string.Empty, StringComparison.Ordinal)}.00.";
        }

        var digits = Ungrouped(whole);
        if (digits is null)
        {
            return GroupingProblem;
        }

        if (digits.Length == 0)
        {
            return $"Write a digit before the point, e.g. 0.{cents.PadRight(2, '0')}.";
        }

        if (digits.TrimStart('0').Length > 7)
        {
            return TooLargeProblem;
        }

        var value = decimal.Parse(cents.Length == 0 ? digits : digits + "." + cents, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        if (value > MaxPrice)
        {
            return TooLargeProblem;
        }

        amount = value;
        return null;
    }

    private static bool IsAsciiDigitOrSeparator(char c) => char.IsAsciiDigit(c) || c is '.' or ',';

    /// <summary>
    /// The digits before the point without their group commas; null when the commas do not group
    /// them in threes after a first group of one to three digits that does not start with 0
    /// (<c>0,500</c> could mean half).
    /// </summary>
    private static string? Ungrouped(string whole)
    {
        if (!whole.Contains(',', StringComparison.Ordinal))
        {
            return whole;
        }

        var groups = whole.Split(',');
        var first = groups[0];
        return first.Length is >= 1 and <= 3 && first[0] != '0' && groups.Skip(1).All(g => g.Length == 3)
            ? string.Concat(groups)
            : null;
    }

    /// <summary>
    /// For input that only makes sense with a decimal comma (<c>9,50</c>, <c>1.000,00</c>), the same
    /// amount written by the rule (<c>9.50</c>, <c>1,000.00</c>), to suggest; otherwise null.
    /// </summary>
    private static string? EuropeanReading(string text)
    {
        var comma = text.LastIndexOf(',');
        if (comma < 0 || text.Length - comma - 1 is < 1 or > 2 || text.IndexOf(',', StringComparison.Ordinal) != comma)
        {
            return null;
        }

        var whole = text[..comma];
        var groups = whole.Split('.');
        var wellFormed = whole.Length > 0 && whole.All(c => char.IsAsciiDigit(c) || c == '.')
            && (groups.Length == 1 || (groups[0].Length is >= 1 and <= 3 && groups.Skip(1).All(g => g.Length == 3)));
        if (!wellFormed)
        {
            return null;
        }

        var digits = string.Concat(groups);
        if (digits.TrimStart('0').Length > 7)
        {
            return null;
        }

        var value = decimal.Parse(digits + "." + text[(comma + 1)..], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return value <= MaxPrice ? value.ToString("#,##0.00", CultureInfo.InvariantCulture) : null;
    }
}
