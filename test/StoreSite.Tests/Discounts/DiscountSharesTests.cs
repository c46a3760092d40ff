using CP.Commerce.Discounts;
using CP.Commerce.Events;
using CP.Commerce.Models;

namespace StoreSite.Tests.Discounts;

/// <summary>The arithmetic of a discount on the lines it covers, in the currency's minor unit.</summary>
public sealed class DiscountSharesTests
{
    private static Discount Percent(int percent) => new() { Code = "P", Kind = DiscountKind.Percent, Percent = percent };

    private static Discount Amount(decimal amount) => new() { Code = "A", Kind = DiscountKind.Amount, Amount = amount };

    [Fact]
    public void A_percent_is_taken_off_each_covered_line_and_rounded_half_away_from_zero_to_the_cent()
    {
        var shares = DiscountShares.For(Percent(15), [19.99m, 149.00m, null, 0.10m], "USD");

        Assert.Equal([3.00m, 22.35m, 0m, 0.02m], shares); // 2.9985 -> 3.00; 0.015 -> 0.02
    }

    [Fact]
    public void A_percent_in_a_currency_without_minor_unit_rounds_to_whole_yen_and_100_percent_is_the_whole_line()
    {
        Assert.Equal([225m, 150m], DiscountShares.For(Percent(15), [1500m, 999m], "JPY")); // 149.85 -> 150
        Assert.Equal([1500m, 999m], DiscountShares.For(Percent(100), [1500m, 999m], "JPY"));
        Assert.Equal([0.132m], DiscountShares.For(Percent(33), [0.4m], "KWD")); // three decimals
    }

    [Fact]
    public void A_fixed_amount_is_spread_in_proportion_and_the_cents_left_go_to_the_largest_remainders()
    {
        var shares = DiscountShares.For(Amount(10m), [19.99m, 149.00m], "USD");

        Assert.Equal([1.18m, 8.82m], shares); // 1.1829… and 8.8170…: the last cent to the larger remainder
        Assert.Equal(10m, shares.Sum());
        Assert.Equal([0.34m, 0.33m, 0.33m], DiscountShares.For(Amount(1m), [5m, 5m, 5m], "USD")); // ties: the first line
        Assert.Equal([600m, 400m], DiscountShares.For(Amount(1000m), [1500m, 999m], "JPY"));
    }

    [Fact]
    public void A_fixed_amount_never_takes_more_than_the_covered_lines_cost_and_leaves_the_others_alone()
    {
        Assert.Equal([19.99m, 0m], DiscountShares.For(Amount(500m), [19.99m, null], "USD"));
        Assert.Equal([0m, 0m], DiscountShares.For(Amount(5m), [null, null], "USD"));
        Assert.Equal([1m], DiscountShares.For(Amount(1.50m), [10m], "JPY")); // an amount finer than the yen is cut to it
    }

    [Theory]
    [InlineData(DiscountAppliesTo.All, OrderLineKind.New, true)]
    [InlineData(DiscountAppliesTo.All, OrderLineKind.Renewal, true)]
    [InlineData(DiscountAppliesTo.All, OrderLineKind.Upgrade, true)]
    [InlineData(DiscountAppliesTo.New, OrderLineKind.New, true)]
    [InlineData(DiscountAppliesTo.New, OrderLineKind.Renewal, false)]
    [InlineData(DiscountAppliesTo.New, OrderLineKind.Upgrade, false)]
    [InlineData(DiscountAppliesTo.Renewals, OrderLineKind.Renewal, true)]
    [InlineData(DiscountAppliesTo.Renewals, OrderLineKind.New, false)]
    [InlineData(DiscountAppliesTo.Renewals, OrderLineKind.Upgrade, false)]
    public void A_code_covers_the_kinds_of_line_it_applies_to(DiscountAppliesTo appliesTo, OrderLineKind kind, bool covered) =>
        Assert.Equal(covered, DiscountShares.Covers(appliesTo, kind));
}
