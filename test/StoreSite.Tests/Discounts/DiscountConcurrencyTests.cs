using CP.Commerce.Cart;
using CP.Commerce.Checkout;
using CP.Commerce.Models;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Tests.Commerce;
using StoreSite.Tests.Infrastructure;

namespace StoreSite.Tests.Discounts;

/// <summary>Redemptions of a code are held exact by the database whatever runs at once, on SQLite and PostgreSQL.</summary>
public sealed class DiscountConcurrencyTests
{
    private const int Checkouts = 50;
    private const int Left = 10;

    [Fact]
    public async Task Fifty_simultaneous_checkouts_with_a_code_of_ten_left_give_it_to_exactly_ten_orders_on_sqlite()
    {
        await using var site = TestSite.Start();
        await AssertExactlyLeftRedeemedAsync(site);
    }

    [Fact]
    public async Task Fifty_simultaneous_checkouts_with_a_code_of_ten_left_give_it_to_exactly_ten_orders_on_postgres()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var site = TestSite.Start(o => o.PostgresConnectionString = database.ConnectionString);
        await AssertExactlyLeftRedeemedAsync(site);
    }

    [Fact]
    public async Task Ten_simultaneous_checkouts_of_one_customer_with_two_allowed_per_customer_redeem_two_on_postgres()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var site = TestSite.Start(o => o.PostgresConnectionString = database.ConnectionString);
        await DiscountArrange.AddAsync(site, DiscountArrange.Percent("TWOEACH", 10, """, "maxPerCustomer": 2"""));

        var results = await CheckoutAtOnceAsync(site, "TWOEACH", 10, _ => "same-customer");

        Assert.Equal(2, results.Count(r => r.Succeeded));
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal((CheckoutProblems.DiscountRefused, CP.Commerce.Discounts.DiscountProblems.UsedUpForCustomer), (r.Problem, r.Detail)));
        Assert.Equal(2, (await site.OrdersAsync()).Count);
    }

    private static async Task AssertExactlyLeftRedeemedAsync(TestSite site)
    {
        await DiscountArrange.AddAsync(site, DiscountArrange.Percent("TENLEFT", 10, $$""", "maxRedemptions": {{Left}}"""));

        var results = await CheckoutAtOnceAsync(site, "TENLEFT", Checkouts, i => $"customer-{i}");

        Assert.Equal(Left, results.Count(r => r.Succeeded));
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal((CheckoutProblems.DiscountRefused, CP.Commerce.Discounts.DiscountProblems.UsedUp), (r.Problem, r.Detail)));
        var orders = await site.OrdersAsync();
        Assert.Equal(Left, orders.Count);
        Assert.All(orders, o => Assert.Equal((OrderStatus.Paid, "TENLEFT", 17.99m), (o.Status, o.DiscountCode, o.Total)));
        Assert.Equal(Left, (await DiscountArrange.LoadAsync(site, "TENLEFT")).Redeemed);
        Assert.Equal(Left, (await DiscountArrange.RedemptionsAsync(site)).Count);
    }

    /// <summary>Checks out <paramref name="count"/> carts of one Single site with <paramref name="code"/> at once, through the checkout service.</summary>
    private static async Task<StoreSite.Outcome<Order>[]> CheckoutAtOnceAsync(TestSite site, string code, int count, Func<int, string> customer)
    {
        var planId = await site.PlanIdAsync(Store.SiteBuilder, Store.SingleSite);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var checkouts = Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            await start.Task;
            return await site.InScopeAsync(sp => sp.GetRequiredService<CheckoutProcessor>().CheckoutAsync(
                new CheckoutRequest(customer(i), $"{customer(i)}-{i}@example.com", CheckoutProcessor.NewCheckoutKey(), new ShoppingCart([new CartItem(planId, 1)], code), SimulateDecline: false),
                CancellationToken.None));
        })).ToList();
        start.SetResult();
        return await Task.WhenAll(checkouts);
    }
}
