using System.Globalization;
using CP.Commerce.Services;

namespace StoreSite.Tests.Commerce;

/// <summary>
/// The one rule by which a typed amount is read (<see cref="Money.TryParse"/>): a point before the
/// cents, commas only between groups of three digits, at most two decimals, no sign, no exponent,
/// white space around ignored; the same in every culture, and never another amount than the one typed.
/// </summary>
public sealed class MoneyTests
{
    public static TheoryData<string, decimal> Amounts => new()
    {
        { "9.5", 9.50m },
        { "9.50", 9.50m },
        { "1,000.00", 1000.00m },
        { "1,000", 1000m },
        { "0", 0m },
        { "0.00", 0m },
        { "0.5", 0.50m },
        { "1,000,000.00", 1_000_000m },
        { "1000000", 1_000_000m },
        { "12,345.6", 12_345.60m },
        { "007.50", 7.50m },
        { "  19.99\t", 19.99m },
        { "\r\n5\n", 5m },
        { "\u00A09.50\u00A0", 9.50m },
        { "\u30001,000.00\u2003", 1000m },
    };

    public static TheoryData<string?, string> Refusals => new()
    {
        { "9,50", "Write a point before the cents: 9.50." },
        { "1,00", "Write a point before the cents: 1.00." },
        { "12,5", "Write a point before the cents: 12.50." },
        { "0,5", "Write a point before the cents: 0.50." },
        { "1.000,00", "Write a point before the cents: 1,000.00." },
        { "123.456,78", "Write a point before the cents: 123,456.78." },
        { "1.234.567,89", Money.GroupingProblem },
        { "9.999", Money.DecimalsProblem },
        { "1.000", Money.DecimalsProblem },
        { "1.005", Money.DecimalsProblem },
        { "-1", Money.NegativeProblem },
        { "+1", Money.NegativeProblem },
        { "\u22121", Money.NegativeProblem },
        { "-0", Money.NegativeProblem },
        { "1e3", Money.CharactersProblem },
        { "1E3", Money.CharactersProblem },
        { "1e30", Money.CharactersProblem },
        { "", Money.EmptyProblem },
        { "   ", Money.EmptyProblem },
        { null, Money.EmptyProblem },
        { "1000000.01", Money.TooLargeProblem },
        { "1,000,000.01", Money.TooLargeProblem },
        { "99999999", Money.TooLargeProblem },
        { "79228162514264337593543950336", Money.TooLargeProblem },
        { "7922816251426433759354395033600000000000", Money.TooLargeProblem },
        { ",5", Money.GroupingProblem },
        { "0,500", Money.GroupingProblem },
        { "1,0000.00", Money.GroupingProblem },
        { "1,00,000.00", Money.GroupingProblem },
        { "1.000.000", Money.GroupingProblem },
        { "1,000.00.00", Money.GroupingProblem },
        { "1,000,", Money.GroupingProblem },
        { "5.", "Write one or two digits after the point, e.g. 5.00." },
        { ".5", "Write a digit before the point, e.g. 0.50." },
        { ".", Money.CharactersProblem },
        { "\u0661\u0662", Money.DigitsProblem },
        { "\uFF11\uFF12.\uFF15\uFF10", Money.DigitsProblem },
        { "\u0967\u0968", Money.DigitsProblem },
        { "9\u00A0500", Money.CharactersProblem },
        { "1 000.00", Money.CharactersProblem },
        { "1'000.00", Money.CharactersProblem },
        { "9.50 USD", Money.CharactersProblem },
        { "$9.50", Money.CharactersProblem },
        { "NaN", Money.CharactersProblem },
        { "Infinity", Money.CharactersProblem },
        { "0x10", Money.CharactersProblem },
        { "\u202E10", Money.CharactersProblem },
        { "9\u200B.50", Money.CharactersProblem },
        { "' OR 1=1 --", Money.CharactersProblem },
        { "9\uFF0E50", Money.CharactersProblem },
    };

    public static TheoryData<string> Cultures => ["", "en-US", "de-DE", "fr-FR", "de-CH", "hi-IN", "ar-SA", "th-TH", "fa-IR"];

    [Theory]
    [MemberData(nameof(Amounts))]
    public void An_amount_written_by_the_rule_is_read_as_written(string text, decimal expected)
    {
        Assert.True(Money.TryParse(text, out var amount, out var problem), problem);
        Assert.Equal(expected, amount);
        Assert.Null(problem);
    }

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Anything_else_is_refused_with_a_message_and_no_amount(string? text, string message)
    {
        Assert.False(Money.TryParse(text, out var amount, out var problem));
        Assert.Equal(message, problem);
        Assert.Equal(0m, amount);
    }

    [Theory]
    [InlineData("9,50", 9.50)]
    [InlineData("1.000,00", 1000)]
    [InlineData("123.456,78", 123456.78)]
    public void The_suggestion_for_a_decimal_comma_reads_back_as_the_amount_meant(string text, decimal meant)
    {
        Money.TryParse(text, out _, out var problem);
        var suggestion = problem!["Write a point before the cents: ".Length..^1];

        Assert.True(Money.TryParse(suggestion, out var amount, out _));
        Assert.Equal(meant, amount);
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void The_rule_is_the_same_in_every_culture(string culture)
    {
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            foreach (var (text, expected) in Amounts.Select(row => ((string)row[0], (decimal)row[1])))
            {
                Assert.True(Money.TryParse(text, out var amount, out _), text);
                Assert.Equal(expected, amount);
            }

            foreach (var (text, message) in Refusals.Select(row => ((string?)row[0], (string)row[1])))
            {
                Assert.False(Money.TryParse(text, out _, out var problem), text);
                Assert.Equal(message, problem);
            }

            Assert.Equal("1000.00", Money.FormatInput(1000m));
            Assert.Equal("1,234.50 EUR", Money.Format(1234.5m, "EUR"));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        }
    }

    [Fact]
    public void A_shown_amount_reads_back_as_itself()
    {
        foreach (var value in new[] { 0m, 0.01m, 9.5m, 19.99m, 1000m, 123_456.78m, Money.MaxPrice })
        {
            Assert.True(Money.TryParse(Money.FormatInput(value), out var amount, out _));
            Assert.Equal(value, amount);
        }
    }

    [Theory]
    [InlineData(19.99, "USD", "19.99 USD")]
    [InlineData(1199.4, "USD", "1,199.40 USD")]
    [InlineData(9.5, "EUR", "9.50 EUR")]
    [InlineData(1500, "JPY", "1,500 JPY")]
    [InlineData(250000, "KRW", "250,000 KRW")]
    [InlineData(12.5, "KWD", "12.500 KWD")]
    [InlineData(5, "XYZ", "5.00 XYZ")]
    public void An_amount_is_shown_with_its_currency_s_minor_units_and_grouped_thousands(double amount, string currency, string shown)
    {
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (new CultureInfo("de-DE"), new CultureInfo("de-DE"));
        try
        {
            Assert.Equal(shown, Money.Format((decimal)amount, currency));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        }
    }

    [Theory]
    [InlineData("JPY", 0)]
    [InlineData("usd", 2)]
    [InlineData("EUR", 2)]
    [InlineData("BHD", 3)]
    public void A_currency_s_minor_units_come_from_the_globalization_data(string currency, int minorUnits) =>
        Assert.Equal(minorUnits, Money.MinorUnits(currency));
}
