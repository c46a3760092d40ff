using System.Net;
using CP.Commerce.Events;
using CP.Commerce.Models;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using StoreSite.Tests.Infrastructure;

namespace StoreSite.Tests.Commerce;

public sealed class PostgresCommerceTests
{
    [Fact]
    public async Task On_postgres_the_commerce_tables_exist_and_checkout_and_refund_work_with_exact_decimals()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        var events = new RecordingOrderEvents();
        await using var site = TestSite.Start(o =>
        {
            o.PostgresConnectionString = database.ConnectionString;
            o.Services = s => s.AddSingleton<IOrderEvents>(events);
        });

        await using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name", connection);
            var tables = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }

            Assert.Superset(new HashSet<string> { "Products", "PricingPlans", "Orders", "OrderLines", "OrderTimeline", "__EFMigrationsHistory_Commerce" }, tables.ToHashSet());
        }

        var catalog = await site.CreateClient().GetDocumentAsync("/products");
        Assert.Equal(2, catalog.QuerySelectorAll(".product-card").Length);

        var client = await site.RegisterCustomerAsync("pg@example.com");
        (await client.AddToCartAsync(Store.SiteBuilder, Store.SingleSite, 3)).Dispose();
        var page = await client.GetDocumentAsync("/checkout");
        using var first = await client.SubmitFormAsync(page, "form.checkout-form", new Dictionary<string, string>());
        using var again = await client.SubmitFormAsync(page, "form.checkout-form", new Dictionary<string, string>());
        var order = Assert.Single(await site.OrdersAsync());
        Assert.Equal(again.Headers.Location, first.Headers.Location);
        Assert.Equal((OrderStatus.Paid, 59.97m), (order.Status, order.Total));
        Assert.Equal(19.99m, Assert.Single(order.Lines).UnitPrice);
        Assert.Equal(1, site.Payments().ChargeRequestsOf(order.Number));

        var admin = await site.AdminAsync();
        var list = await admin.GetDocumentAsync("/admin/orders?q=PG@EXAMPLE&status=Paid");
        Assert.NotNull(list.QuerySelector($"tr[data-order='{order.Number}']"));
        using var refund = await admin.SubmitFormAsync($"/admin/orders/{order.Number}/refund", "form.refund-form", new Dictionary<string, string> { ["Reason"] = "postgres refund" });
        Assert.Equal(HttpStatusCode.Redirect, refund.StatusCode);
        Assert.Equal(OrderStatus.Refunded, (await site.OrderAsync(order.Number)).Status);
        Assert.Equal(1, site.Payments().RefundRequestsOf(order.Number));
        Assert.Equal(["OrderPaidAsync", "CanRefundAsync", "OrderRefundedAsync"], events.Events.Select(e => e.Name));
        var dashboard = await admin.GetDocumentAsync("/admin");
        Assert.Equal("1", dashboard.Text(".orders-dashboard li[data-status='Refunded'] strong"));
        Assert.Equal("No order is waiting for you.", dashboard.Text(".orders-dashboard .nothing-stuck"));
        Assert.NotNull(dashboard.QuerySelector(".licenses-dashboard"));
    }

    [Fact]
    public async Task On_postgres_a_refusing_module_stops_a_refund_up_front_and_a_late_failure_can_be_finished_once()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        var events = new RecordingOrderEvents();
        await using var site = TestSite.Start(o =>
        {
            o.PostgresConnectionString = database.ConnectionString;
            o.Services = s => s.AddSingleton<IOrderEvents>(events);
        });
        var (_, number) = await site.PaidOrderAsync("pg-refund@example.com");
        var admin = await site.AdminAsync();
        var payments = site.Payments();

        events.RefuseRefund = _ => "always";
        (await admin.SubmitFormAsync($"/admin/orders/{number}/refund", "form.refund-form", new Dictionary<string, string> { ["Reason"] = "r" })).Dispose();
        Assert.Equal(OrderStatus.Paid, (await site.OrderAsync(number)).Status);
        Assert.Equal(0, payments.RefundRequestsOf(number));
        events.RefuseRefund = null;

        events.FailRefund = context => payments.RefundsOf(context.Order.Number) > 0 ? "late" : null;
        (await admin.SubmitFormAsync($"/admin/orders/{number}/refund", "form.refund-form", new Dictionary<string, string> { ["Reason"] = "r" })).Dispose();
        Assert.Equal(OrderStatus.RefundPending, (await site.OrderAsync(number)).Status);

        events.FailRefund = null;
        (await admin.SubmitFormAsync($"/admin/orders/{number}", ".refund-pending form", new Dictionary<string, string>())).Dispose();
        Assert.Equal(OrderStatus.Refunded, (await site.OrderAsync(number)).Status);
        Assert.Equal(1, payments.RefundRequestsOf(number));
    }
}
