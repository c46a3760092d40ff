using CP.Payments.Stripe.Services;

namespace StoreSite.Tests.Stripe;

/// <summary>Amounts go to Stripe in the currency's smallest unit.</summary>
public sealed class StripeAmountsTests
{
    [Theory]
    [InlineData(19.99, "USD", 1999)]
    [InlineData(149, "EUR", 14900)]
    [InlineData(0.5, "usd", 50)]
    [InlineData(1500, "JPY", 1500)]
    [InlineData(1500, "KRW", 1500)]
    [InlineData(12.345, "KWD", 12350)]
    [InlineData(9.995, "GBP", 1000)]
    public void An_amount_is_sent_in_minor_units(decimal amount, string currency, long expected) =>
        Assert.Equal(expected, StripeAmounts.ToMinorUnits(amount, currency));

    [Theory]
    [InlineData(1999, "usd", 19.99)]
    [InlineData(1500, "jpy", 1500)]
    public void Minor_units_come_back_as_the_amount(long minor, string currency, decimal expected) =>
        Assert.Equal(expected, StripeAmounts.FromMinorUnits(minor, currency));

    [Fact]
    public void The_currency_goes_in_lower_case() => Assert.Equal("jpy", StripeAmounts.Currency(" JPY "));
}
