using System.Collections.Frozen;
using System.Globalization;

namespace CP.Payments.Stripe.Services;

/// <summary>
/// Amounts as Stripe's API takes them: integers in the currency's smallest unit (cents for USD, yen
/// for JPY), currency codes in lower case. The tables are Stripe's list of zero-decimal and
/// three-decimal currencies; every other currency has two decimals.
/// </summary>
public static class StripeAmounts
{
    /// <summary>Currencies Stripe takes in whole units (1 JPY is sent as 1).</summary>
    public static readonly FrozenSet<string> ZeroDecimalCurrencies = FrozenSet.ToFrozenSet(
        ["bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf"],
        StringComparer.Ordinal);

    /// <summary>Currencies with three decimals (Stripe wants the last digit 0).</summary>
    public static readonly FrozenSet<string> ThreeDecimalCurrencies = FrozenSet.ToFrozenSet(
        ["bhd", "jod", "kwd", "omr", "tnd"],
        StringComparer.Ordinal);

    /// <summary>The ISO 4217 code in Stripe's spelling (lower case).</summary>
    public static string Currency(string isoCode)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(isoCode);
        return isoCode.Trim().ToLowerInvariant();
    }

    /// <summary>How many minor units make one unit of <paramref name="currency"/>.</summary>
    public static int Factor(string currency) => Currency(currency) switch
    {
        var c when ZeroDecimalCurrencies.Contains(c) => 1,
        var c when ThreeDecimalCurrencies.Contains(c) => 1000,
        _ => 100,
    };

    /// <summary><paramref name="amount"/> in minor units (19.99 USD -> 1999, 1500 JPY -> 1500, 1.234 KWD -> 1230).</summary>
    public static long ToMinorUnits(decimal amount, string currency)
    {
        var factor = Factor(currency);
        var minor = decimal.Round(amount * factor, 0, MidpointRounding.AwayFromZero);
        if (factor == 1000)
        {
            minor = decimal.Round(minor / 10, 0, MidpointRounding.AwayFromZero) * 10;
        }

        return decimal.ToInt64(minor);
    }

    /// <summary>Stripe's minor units back to an amount (1999 USD -> 19.99).</summary>
    public static decimal FromMinorUnits(long minor, string currency) => (decimal)minor / Factor(currency);

    /// <summary>An amount in minor units for a log or a timeline note, e.g. <c>19.99 USD</c>.</summary>
    public static string Describe(long minor, string currency)
    {
        var factor = Factor(currency);
        var decimals = factor switch { 1 => 0, 1000 => 3, _ => 2 };
        return FromMinorUnits(minor, currency).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + " " + Currency(currency).ToUpperInvariant();
    }
}
