using System.Net;
using CP.Commerce.Events;
using CP.Licensing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Data;
using StoreSite.Tests.Commerce;
using StoreSite.Tests.Infrastructure;
using StoreSite.Tests.Licensing;
using static StoreSite.Tests.Renewals.RenewalArrange;

namespace StoreSite.Tests.Renewals;

/// <summary>Renewals on PostgreSQL: paying one through checkout, refunding it, and two orders renewing one key at once.</summary>
public sealed class PostgresRenewalTests
{
    private static readonly DateTimeOffset BoughtAt = new(2028, 2, 29, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Paying_a_renewal_moves_the_same_keys_expiry_and_refunding_it_moves_it_back_on_postgres()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var site = await LicensingSite.StartAsync(o => { o.PostgresConnectionString = database.ConnectionString; o.Now = BoughtAt; }, withCustomer: false);
        var (customer, _, keys) = await BuyAsync(site);
        var key = keys[0];

        var cart = await CartAfterAsync(customer, await RenewFromListAsync(customer, key.Id));
        Assert.Contains("until 2030-02-28", cart.Text(".renewal-note"), StringComparison.Ordinal);
        using var paid = await customer.CheckoutAsync();
        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        var number = paid.Headers.Location!.OriginalString["/checkout/done/".Length..];

        var renewed = Assert.Single(await LicensingArrange.AllAsync(site));
        Assert.Equal((key.Key, (DateOnly?)new DateOnly(2030, 2, 28)), (renewed.Key, renewed.ExpiresOn));
        Assert.Equal("2030-02-28", await VerifiedExpiryAsync(site, key.Key));
        var renewal = Assert.Single(await RenewalsAsync(site));
        Assert.Equal((number, new DateOnly(2029, 2, 28), new DateOnly(2030, 2, 28)), (renewal.OrderNumber, renewal.PreviousExpiry, renewal.NewExpiry));

        var admin = await site.AdminAsync();
        using var refund = await admin.SubmitFormAsync($"/admin/orders/{number}/refund", "form.refund-form", new Dictionary<string, string> { ["Reason"] = "Changed their mind" });
        Assert.Equal(HttpStatusCode.Redirect, refund.StatusCode);
        Assert.Equal("2029-02-28", await VerifiedExpiryAsync(site, key.Key));
        Assert.Null((await LicensingArrange.LoadAsync(site, key.Key)).RevokedAt);
    }

    [Fact]
    public async Task Two_orders_renewing_the_same_key_paid_at_the_same_moment_both_count_on_postgres()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var site = await LicensingSite.StartAsync(o => { o.PostgresConnectionString = database.ConnectionString; o.Now = BoughtAt; });
        await OrderArrange.SavePlansAsync(site);
        var bought = await OrderArrange.OrderAsync(site, "SO-2028-000001", BoughtAt, (OrderArrange.SingleSitePlan, "Gallery Pro", 4));
        await OrderArrange.PaidAsync(site, bought);
        var keys = await LicensingArrange.AllAsync(site);
        Assert.All(keys, k => Assert.Equal(new DateOnly(2029, 2, 28), k.ExpiresOn));

        var orders = keys.SelectMany((key, i) => new[]
        {
            LicenseRenewerTests.RenewalOrder(bought, $"SO-2028-1000{i}1", BoughtAt, key),
            LicenseRenewerTests.RenewalOrder(bought, $"SO-2028-1000{i}2", BoughtAt, key),
        }).ToList();
        using var start = new Barrier(orders.Count);
        await Task.WhenAll(orders.Select(order => Task.Run(() => PayAsync(site, order, start))));

        Assert.All(await LicensingArrange.AllAsync(site), k => Assert.Equal(new DateOnly(2031, 2, 28), k.ExpiresOn));
        var renewals = await RenewalsAsync(site);
        Assert.Equal(orders.Count, renewals.Count);
        foreach (var perKey in renewals.GroupBy(r => r.LicenseId))
        {
            // One after the other: the second starts from where the first left the key.
            Assert.Equal([new DateOnly(2029, 2, 28), new DateOnly(2030, 2, 28)], perKey.Select(r => r.PreviousExpiry).Order());
        }
    }

    /// <summary>OrderPaid to licensing in its own scope and transaction, as each checkout's node raises it, all starting together.</summary>
    private static Task PayAsync(TestSite site, OrderSnapshot order, Barrier start) => site.InScopeAsync(async sp =>
    {
        var handler = sp.GetServices<IOrderEvents>().OfType<LicensingOrderEvents>().Single();
        await using var transaction = await sp.GetRequiredService<SiteDatabase>().BeginTransactionAsync();
        start.SignalAndWait(TimeSpan.FromSeconds(30));
        await handler.OrderPaidAsync(new OrderEventContext(order, OrderActor.System, null), CancellationToken.None);
        await transaction.CommitAsync();
    });
}
