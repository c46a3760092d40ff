using System.Net;
using CP.Commerce.Models;
using CP.Payments.Stripe.Models;
using StoreSite.Tests.Commerce;
using StoreSite.Tests.Infrastructure;
using StoreSite.Tests.Licensing;
using StoreSite.Tests.Refunds;

namespace StoreSite.Tests.Stripe;

/// <summary>Refunds through Stripe's Refund API from the admin, and refunds and disputes made in Stripe reaching the order.</summary>
public sealed class StripeRefundTests : IAsyncLifetime
{
    private StripeApiStandIn _stripe = null!;

    public async Task InitializeAsync() => _stripe = await StripeApiStandIn.StartAsync();

    public async Task DisposeAsync() => await _stripe.DisposeAsync();

    private static Task<HttpResponseMessage> RefundAsync(HttpClient admin, string number, string reason = "Customer asked") =>
        admin.SubmitFormAsync($"/admin/orders/{number}/refund", "form.refund-form", new Dictionary<string, string> { ["Reason"] = reason });

    [Fact]
    public async Task An_admin_refund_calls_stripe_once_with_the_payment_intent_and_amount_even_when_asked_again()
    {
        await using var site = StripeStore.Start(_stripe);
        var (number, paymentIntent) = await site.PaidOrderAsync(_stripe, "refundme@example.com");
        var admin = await site.AdminAsync();
        var refundPage = await admin.GetDocumentAsync($"/admin/orders/{number}/refund");

        using var first = await admin.SubmitFormAsync(refundPage, "form.refund-form", new Dictionary<string, string> { ["Reason"] = "Customer asked" });
        using var again = await admin.SubmitFormAsync(refundPage, "form.refund-form", new Dictionary<string, string> { ["Reason"] = "Customer asked" });

        var sent = Assert.Single(_stripe.RequestsTo("POST", "/v1/refunds"));
        Assert.Equal((paymentIntent, "1999", $"refund-{number}"), (sent.Form["payment_intent"], sent.Form["amount"], sent.IdempotencyKey));
        Assert.Equal(OrderStatus.Refunded, (await site.OrderAsync(number)).Status);
        Assert.All(await LicensingArrange.AllAsync(site), l => Assert.NotNull(l.RevokedAt));
    }

    [Fact]
    public async Task A_refund_while_stripe_is_down_leaves_the_order_paid_with_a_message_and_asking_again_refunds_with_the_same_key()
    {
        await using var site = StripeStore.Start(_stripe);
        var (number, _) = await site.PaidOrderAsync(_stripe, "down@example.com");
        var admin = await site.AdminAsync();

        _stripe.Down = true;
        (await RefundAsync(admin, number)).Dispose();
        var detail = await admin.GetDocumentAsync($"/admin/orders/{number}");
        _stripe.Down = false;
        (await RefundAsync(admin, number)).Dispose();

        Assert.StartsWith("Stripe could not be reached", detail.Text(".notice-error"), StringComparison.Ordinal);
        Assert.Equal("Paid", detail.Text(".order-status"));
        Assert.Equal(OrderStatus.Refunded, (await site.OrderAsync(number)).Status);
        Assert.All(_stripe.RequestsTo("POST", "/v1/refunds"), r => Assert.Equal($"refund-{number}", r.IdempotencyKey));
    }

    [Fact]
    public async Task A_full_refund_made_in_stripe_refunds_the_order_and_revokes_its_keys()
    {
        await using var site = StripeStore.Start(_stripe);
        var (number, paymentIntent) = await site.PaidOrderAsync(_stripe, "dashboard@example.com");

        using var response = await site.SendEventAsync("charge.refunded", StripeWebhooks.Charge(paymentIntent, 1999, 1999));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var order = await site.OrderAsync(number);
        Assert.Equal((OrderStatus.Refunded, "Refunded in Stripe"), (order.Status, order.RefundReason));
        Assert.All(await LicensingArrange.AllAsync(site), l => Assert.NotNull(l.RevokedAt));
        Assert.Contains(order.Timeline, t => t.Message == $"Stripe refunded 19.99 USD of 19.99 USD (ch_{paymentIntent["pi_".Length..]}).");
    }

    [Fact]
    public async Task A_partial_refund_made_in_stripe_is_noted_keeps_the_order_paid_and_asks_for_the_admin()
    {
        await using var site = StripeStore.Start(_stripe);
        var (number, paymentIntent) = await site.PaidOrderAsync(_stripe, "partial@example.com");

        (await site.SendEventAsync("charge.refunded", StripeWebhooks.Charge(paymentIntent, 1999, 500))).Dispose();

        var order = await site.OrderAsync(number);
        Assert.Equal(OrderStatus.Paid, order.Status);
        Assert.Contains(order.Timeline, t => t.Message.Contains("partial refund", StringComparison.Ordinal));
        Assert.All(await LicensingArrange.AllAsync(site), l => Assert.Null(l.RevokedAt));
        var dashboard = await (await site.AdminAsync()).GetDocumentAsync("/admin");
        Assert.Contains(number, dashboard.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("partial refund or a dispute", dashboard.Body.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refund_that_arrives_before_the_payment_is_kept_and_applied_when_the_payment_is_confirmed()
    {
        await using var site = StripeStore.Start(_stripe);
        var (_, number, sessionId, checkout) = await site.CheckoutAsync(_stripe, "early@example.com");
        checkout.Dispose();
        var paymentIntent = _stripe.Pay(sessionId);

        using var early = await site.SendEventAsync("charge.refunded", StripeWebhooks.Charge(paymentIntent, 1999, 1999));
        var before = await site.OrderAsync(number);
        var kept = Assert.Single(await site.StripeEventsAsync());
        (await site.SendEventAsync("checkout.session.completed", _stripe.Session(sessionId))).Dispose();

        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Equal((OrderStatus.Pending, StripeEventOutcome.Waiting), (before.Status, kept.Outcome));
        Assert.Equal(OrderStatus.Refunded, (await site.OrderAsync(number)).Status);
        Assert.All(await site.StripeEventsAsync(), e => Assert.Equal(StripeEventOutcome.Applied, e.Outcome));
        Assert.All(await LicensingArrange.AllAsync(site), l => Assert.NotNull(l.RevokedAt));
    }

    [Fact]
    public async Task A_dispute_is_noted_and_listed_a_won_one_is_noted_and_no_longer_listed()
    {
        await using var site = StripeStore.Start(_stripe);
        var (number, paymentIntent) = await site.PaidOrderAsync(_stripe, "disputer@example.com");
        var admin = await site.AdminAsync();

        (await site.SendEventAsync("charge.dispute.created", StripeWebhooks.Dispute(paymentIntent, 1999, "needs_response"))).Dispose();
        var listed = (await admin.GetDocumentAsync("/admin")).QuerySelector(".orders-needing-attention")?.TextContent ?? "";
        (await site.SendEventAsync("charge.dispute.closed", StripeWebhooks.Dispute(paymentIntent, 1999, "won"))).Dispose();
        var after = (await admin.GetDocumentAsync("/admin")).QuerySelector(".orders-needing-attention")?.TextContent ?? "";

        var order = await site.OrderAsync(number);
        Assert.Equal(OrderStatus.Paid, order.Status);
        Assert.Contains(order.Timeline, t => t.Message.StartsWith("The customer disputed the payment at Stripe (reason: fraudulent)", StringComparison.Ordinal));
        Assert.Contains(order.Timeline, t => t.Message.StartsWith("The dispute was closed in the store's favour", StringComparison.Ordinal));
        Assert.Contains(number, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(number, after, StringComparison.Ordinal);
        Assert.All(await LicensingArrange.AllAsync(site), l => Assert.Null(l.RevokedAt));
    }

    [Fact]
    public async Task A_lost_dispute_refunds_the_order_with_the_reason_payment_disputed_and_revokes_its_keys()
    {
        await using var site = StripeStore.Start(_stripe);
        var (number, paymentIntent) = await site.PaidOrderAsync(_stripe, "lost@example.com");

        (await site.SendEventAsync("charge.dispute.created", StripeWebhooks.Dispute(paymentIntent, 1999, "needs_response"))).Dispose();
        (await site.SendEventAsync("charge.dispute.closed", StripeWebhooks.Dispute(paymentIntent, 1999, "lost"))).Dispose();

        var order = await site.OrderAsync(number);
        Assert.Equal((OrderStatus.Refunded, "Payment disputed"), (order.Status, order.RefundReason));
        Assert.All(await LicensingArrange.AllAsync(site), l => Assert.NotNull(l.RevokedAt));
    }

    [Fact]
    public async Task The_charge_refunded_event_of_the_store_s_own_refund_changes_nothing_more()
    {
        await using var site = StripeStore.Start(_stripe);
        var (number, paymentIntent) = await site.PaidOrderAsync(_stripe, "own@example.com");
        var admin = await site.AdminAsync();
        (await RefundAsync(admin, number)).Dispose();
        var before = (await site.OrderAsync(number)).Timeline.Count;

        using var response = await site.SendEventAsync("charge.refunded", StripeWebhooks.Charge(paymentIntent, 1999, 1999));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var order = await site.OrderAsync(number);
        Assert.Equal((OrderStatus.Refunded, "Customer asked", before), (order.Status, order.RefundReason, order.Timeline.Count));
    }

    [Fact]
    public async Task A_line_refund_asks_stripe_once_for_that_line_s_amount_and_stripe_s_report_of_it_changes_nothing_more()
    {
        await using var site = StripeStore.Start(_stripe);
        var customer = await site.RegisterCustomerAsync("lines@example.com");
        (await customer.AddToCartAsync(Store.SiteBuilder, Store.SingleSite)).Dispose();
        (await customer.AddToCartAsync(Store.SiteBuilder, Store.Agency)).Dispose();
        (await customer.CheckoutAsync()).Dispose();
        var number = (await site.OrdersAsync()).Single(o => o.CustomerEmail == "lines@example.com").Number;
        var paymentIntent = await site.PayAsync(_stripe, (await site.StripeSessionsAsync()).Single(s => s.OrderNumber == number).Id);
        var agency = (await site.OrderAsync(number)).Lines.Single(l => l.PlanName == Store.Agency);
        var admin = await site.AdminAsync();
        var page = await admin.GetDocumentAsync($"/admin/orders/{number}/refund");

        (await RefundArrange.PostLinesAsync(admin, page, "Wrong plan", agency.LineNumber)).Dispose();
        (await RefundArrange.PostLinesAsync(admin, page, "Wrong plan", agency.LineNumber)).Dispose();
        var refunded = await site.OrderAsync(number);
        var timeline = refunded.Timeline.Count;
        using var report = await site.SendEventAsync("charge.refunded", StripeWebhooks.Charge(paymentIntent, 16899, 14900));

        var sent = Assert.Single(_stripe.RequestsTo("POST", "/v1/refunds"));
        Assert.Equal((paymentIntent, "14900", $"refund-{number}-lines-{agency.LineNumber}"), (sent.Form["payment_intent"], sent.Form["amount"], sent.IdempotencyKey));
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        var order = await site.OrderAsync(number);
        Assert.Equal((OrderStatus.PartiallyRefunded, timeline), (order.Status, order.Timeline.Count));
        Assert.Equal([149.00m, null], order.Lines.OrderBy(l => l.PlanName == Store.Agency ? 0 : 1).Select(l => l.RefundedAmount));
        var keys = (await LicensingArrange.AllAsync(site)).Where(l => l.OrderNumber == number).ToList();
        Assert.All(keys, k => Assert.Equal(k.LineNumber == agency.LineNumber, k.RevokedAt is not null));
        var dashboard = (await admin.GetDocumentAsync("/admin")).QuerySelector(".orders-needing-attention")?.TextContent ?? "";
        Assert.DoesNotContain(number, dashboard, StringComparison.Ordinal);
    }
}
