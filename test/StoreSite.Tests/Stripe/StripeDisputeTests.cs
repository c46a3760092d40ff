using System.Text.Json.Nodes;
using CP.Commerce.Events;
using CP.Commerce.Models;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Tests.Commerce;
using StoreSite.Tests.Infrastructure;
using StoreSite.Tests.Licensing;

namespace StoreSite.Tests.Stripe;

/// <summary>Disputes made at Stripe: the administrators are mailed, the order's timeline notes it, and order event handlers hear it.</summary>
public sealed class StripeDisputeTests : IAsyncLifetime
{
    private StripeApiStandIn _stripe = null!;

    public async Task InitializeAsync() => _stripe = await StripeApiStandIn.StartAsync();

    public async Task DisposeAsync() => await _stripe.DisposeAsync();

    [Fact]
    public async Task A_dispute_mails_the_administrators_once_with_the_order_number_amount_reason_and_a_link_to_the_order()
    {
        await using var site = StripeStore.Start(_stripe);
        var (number, paymentIntent) = await site.PaidOrderAsync(_stripe, "disputer@example.com");
        JsonObject Dispute() => StripeWebhooks.Dispute(paymentIntent, 1999, "needs_response", reason: "product_not_received");

        (await site.SendEventAsync("charge.dispute.created", Dispute(), id: "evt_dispute_1")).Dispose();
        (await site.SendEventAsync("charge.dispute.created", Dispute(), id: "evt_dispute_1")).Dispose();

        var mail = Assert.Single(site.Mails(), m => (m.Subject ?? string.Empty).StartsWith("Payment disputed", StringComparison.Ordinal));
        Assert.Equal(TestSite.AdminEmail, mail.To.Mailboxes.Single().Address);
        Assert.Equal($"Payment disputed: order {number} at Test Store", mail.Subject);
        foreach (var body in new[] { mail.TextBody ?? string.Empty, mail.HtmlBody ?? string.Empty })
        {
            Assert.Contains(number, body, StringComparison.Ordinal);
            Assert.Contains("19.99 USD", body, StringComparison.Ordinal);
            Assert.Contains("product_not_received", body, StringComparison.Ordinal);
            Assert.Contains($"http://localhost/admin/orders/{number}", body, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(site.Mails(), m => (m.Subject ?? string.Empty).StartsWith("Payment disputed", StringComparison.Ordinal) && m.To.Mailboxes.Any(a => a.Address == "disputer@example.com"));
        var order = await site.OrderAsync(number);
        Assert.Contains(order.Timeline, t => t.Message.StartsWith("The customer disputed the payment at Stripe (reason: product_not_received)", StringComparison.Ordinal));
        Assert.Equal(OrderStatus.Paid, order.Status);
        Assert.All(await LicensingArrange.AllAsync(site), l => Assert.Null(l.RevokedAt));
    }

    [Fact]
    public async Task A_won_dispute_mails_nothing_more_and_leaves_the_keys_active()
    {
        await using var site = StripeStore.Start(_stripe);
        var (number, paymentIntent) = await site.PaidOrderAsync(_stripe, "winner@example.com");

        (await site.SendEventAsync("charge.dispute.created", StripeWebhooks.Dispute(paymentIntent, 1999, "needs_response"))).Dispose();
        (await site.SendEventAsync("charge.dispute.closed", StripeWebhooks.Dispute(paymentIntent, 1999, "won"))).Dispose();

        Assert.Single(site.Mails(), m => (m.Subject ?? string.Empty).StartsWith("Payment disputed", StringComparison.Ordinal));
        Assert.Equal(OrderStatus.Paid, (await site.OrderAsync(number)).Status);
        var licenses = await LicensingArrange.AllAsync(site);
        Assert.NotEmpty(licenses);
        Assert.All(licenses, l => Assert.Null(l.RevokedAt));
    }

    [Fact]
    public async Task A_dispute_suspends_the_order_s_keys_and_a_won_one_reinstates_only_those_it_suspended()
    {
        await using var site = StripeStore.Start(_stripe);
        var (number, paymentIntent) = await site.PaidOrderAsync(_stripe, "suspended@example.com");
        var key = Assert.Single(await LicensingArrange.AllAsync(site), l => l.OrderNumber == number).Key;
        using var product = site.CreateClient();
        await LicensingArrange.AssertValidAsync(await LicensingArrange.VerifyAsync(product, key, "shop.example.com"));

        (await site.SendEventAsync("charge.dispute.created", StripeWebhooks.Dispute(paymentIntent, 1999, "needs_response", reason: "fraudulent"))).Dispose();

        await LicensingArrange.AssertFailureAsync(await LicensingArrange.VerifyAsync(product, key, "shop.example.com"), 403, CP.Licensing.Api.VerifyContract.SuspendedReason, "suspended");
        var suspended = Assert.Single(await LicensingArrange.AllAsync(site), l => l.OrderNumber == number);
        Assert.StartsWith($"Payment disputed (order {number}, reason: fraudulent)", suspended.SuspensionReason, StringComparison.Ordinal);
        Assert.Equal(OrderStatus.Paid, (await site.OrderAsync(number)).Status);

        (await site.SendEventAsync("charge.dispute.closed", StripeWebhooks.Dispute(paymentIntent, 1999, "won"))).Dispose();

        await LicensingArrange.AssertValidAsync(await LicensingArrange.VerifyAsync(product, key, "shop.example.com"));
        Assert.Null(Assert.Single(await LicensingArrange.AllAsync(site), l => l.OrderNumber == number).SuspendedAt);
    }

    [Fact]
    public async Task A_won_dispute_leaves_a_key_an_admin_suspended_for_another_reason_suspended()
    {
        await using var site = StripeStore.Start(_stripe);
        var (number, paymentIntent) = await site.PaidOrderAsync(_stripe, "paused@example.com");
        var id = Assert.Single(await LicensingArrange.AllAsync(site), l => l.OrderNumber == number).Id;
        await site.InScopeAsync(sp => sp.GetRequiredService<CP.Licensing.Lifecycle.LicenseSuspensions>().SuspendAsync(id, "Shared on a forum", TestSite.AdminEmail, CancellationToken.None));

        (await site.SendEventAsync("charge.dispute.created", StripeWebhooks.Dispute(paymentIntent, 1999, "needs_response"))).Dispose();
        (await site.SendEventAsync("charge.dispute.closed", StripeWebhooks.Dispute(paymentIntent, 1999, "won"))).Dispose();

        var license = Assert.Single(await LicensingArrange.AllAsync(site), l => l.OrderNumber == number);
        Assert.NotNull(license.SuspendedAt);
        Assert.Equal("Shared on a forum", license.SuspensionReason);
    }

    [Fact]
    public async Task A_lost_dispute_revokes_the_keys_it_suspended()
    {
        await using var site = StripeStore.Start(_stripe);
        var (number, paymentIntent) = await site.PaidOrderAsync(_stripe, "lost@example.com");
        var key = Assert.Single(await LicensingArrange.AllAsync(site), l => l.OrderNumber == number).Key;

        (await site.SendEventAsync("charge.dispute.created", StripeWebhooks.Dispute(paymentIntent, 1999, "needs_response"))).Dispose();
        (await site.SendEventAsync("charge.dispute.closed", StripeWebhooks.Dispute(paymentIntent, 1999, "lost"))).Dispose();

        using var product = site.CreateClient();
        await LicensingArrange.AssertFailureAsync(await LicensingArrange.VerifyAsync(product, key, "shop.example.com"), 403, CP.Licensing.Api.VerifyContract.RevokedReason, "revoked");
        Assert.Equal(OrderStatus.Refunded, (await site.OrderAsync(number)).Status);
    }

    [Fact]
    public async Task Order_event_handlers_hear_the_dispute_opened_and_closed_lost_before_the_refund()
    {
        var heard = new DisputeRecorder();
        await using var site = StripeStore.Start(_stripe, configure: o => o.Services = s => s.AddSingleton<IOrderEvents>(heard));
        var (number, paymentIntent) = await site.PaidOrderAsync(_stripe, "heard@example.com");

        (await site.SendEventAsync("charge.dispute.created", StripeWebhooks.Dispute(paymentIntent, 1999, "needs_response", reason: "fraudulent"))).Dispose();
        (await site.SendEventAsync("charge.dispute.closed", StripeWebhooks.Dispute(paymentIntent, 1999, "lost"))).Dispose();

        Assert.Equal(
            [$"opened {number} fraudulent", $"closed {number} lost", $"refunded {number} Payment disputed"],
            heard.Calls.Where(c => !c.StartsWith("paid", StringComparison.Ordinal)).ToArray());
        Assert.All(await LicensingArrange.AllAsync(site), l => Assert.NotNull(l.RevokedAt));
    }

    [Fact]
    public async Task Order_event_handlers_hear_a_won_dispute()
    {
        var heard = new DisputeRecorder();
        await using var site = StripeStore.Start(_stripe, configure: o => o.Services = s => s.AddSingleton<IOrderEvents>(heard));
        var (number, paymentIntent) = await site.PaidOrderAsync(_stripe, "heardwon@example.com");

        (await site.SendEventAsync("charge.dispute.created", StripeWebhooks.Dispute(paymentIntent, 1999, "needs_response", reason: "duplicate"))).Dispose();
        (await site.SendEventAsync("charge.dispute.closed", StripeWebhooks.Dispute(paymentIntent, 1999, "won"))).Dispose();

        Assert.Equal([$"opened {number} duplicate", $"closed {number} won"], heard.Calls.Where(c => !c.StartsWith("paid", StringComparison.Ordinal)).ToArray());
    }

    /// <summary>An order event handler of no module (so always enabled) that writes down what it heard.</summary>
    private sealed class DisputeRecorder : IOrderEvents
    {
        public List<string> Calls { get; } = [];

        public Task OrderPaidAsync(OrderEventContext context, CancellationToken cancellationToken)
        {
            Calls.Add($"paid {context.Order.Number}");
            return Task.CompletedTask;
        }

        public Task OrderRefundedAsync(OrderEventContext context, CancellationToken cancellationToken)
        {
            Calls.Add($"refunded {context.Order.Number} {context.Reason}");
            return Task.CompletedTask;
        }

        public Task OrderDisputeOpenedAsync(OrderEventContext context, CancellationToken cancellationToken)
        {
            Calls.Add($"opened {context.Order.Number} {context.Reason}");
            return Task.CompletedTask;
        }

        public Task OrderDisputeClosedAsync(OrderEventContext context, bool won, CancellationToken cancellationToken)
        {
            Calls.Add($"closed {context.Order.Number} {(won ? "won" : "lost")}");
            return Task.CompletedTask;
        }
    }
}
