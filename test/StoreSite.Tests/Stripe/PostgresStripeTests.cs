using System.Net;
using CP.Commerce.Models;
using CP.Payments.Stripe.Models;
using Npgsql;
using StoreSite.Tests.Commerce;
using StoreSite.Tests.Infrastructure;
using StoreSite.Tests.Licensing;

namespace StoreSite.Tests.Stripe;

/// <summary>The Stripe module on PostgreSQL: its tables, a paid order, a refund kept for later, a repeated event.</summary>
public sealed class PostgresStripeTests
{
    [Fact]
    public async Task On_postgres_a_webhook_pays_the_order_a_kept_refund_applies_and_a_repeated_event_changes_nothing()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var stripe = await StripeApiStandIn.StartAsync();
        await using var site = StripeStore.Start(stripe, configure: o => o.PostgresConnectionString = database.ConnectionString);

        await using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'", connection);
            var tables = new HashSet<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }

            Assert.Superset(new HashSet<string> { "StripeCheckoutSessions", "StripeEvents", "__EFMigrationsHistory_Stripe" }, tables);
        }

        var (number, _) = await site.PaidOrderAsync(stripe, "pg-paid@example.com");
        Assert.Equal(OrderStatus.Paid, (await site.OrderAsync(number)).Status);
        Assert.Single(await LicensingArrange.AllAsync(site));

        var (_, early, sessionId, checkout) = await site.CheckoutAsync(stripe, "pg-early@example.com");
        checkout.Dispose();
        var paymentIntent = stripe.Pay(sessionId);
        (await site.SendEventAsync("charge.refunded", StripeWebhooks.Charge(paymentIntent, 1999, 1999), id: "evt_pg_refund")).Dispose();
        (await site.SendEventAsync("checkout.session.completed", stripe.Session(sessionId), id: "evt_pg_paid")).Dispose();
        using var repeated = await site.SendEventAsync("checkout.session.completed", stripe.Session(sessionId), id: "evt_pg_paid");

        Assert.Equal(HttpStatusCode.OK, repeated.StatusCode);
        Assert.Equal(OrderStatus.Refunded, (await site.OrderAsync(early)).Status);
        Assert.Equal(3, (await site.StripeEventsAsync()).Count);
        Assert.All(await site.StripeEventsAsync(), e => Assert.Equal(StripeEventOutcome.Applied, e.Outcome));
        Assert.Equal(2, (await LicensingArrange.AllAsync(site)).Count);
    }
}
