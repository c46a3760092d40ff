using System.Net;
using CP.Commerce.Models;
using CP.Payments.Stripe.Models;
using StoreSite.Tests.Commerce;
using StoreSite.Tests.Infrastructure;
using StoreSite.Tests.Licensing;

namespace StoreSite.Tests.Stripe;

/// <summary>Checkout through a Stripe Checkout Session: the store sends the customer to Stripe and waits for Stripe's word.</summary>
public sealed class StripeCheckoutTests : IAsyncLifetime
{
    private StripeApiStandIn _stripe = null!;

    public async Task InitializeAsync() => _stripe = await StripeApiStandIn.StartAsync();

    public async Task DisposeAsync() => await _stripe.DisposeAsync();

    [Fact]
    public async Task Checkout_creates_a_session_with_the_order_s_lines_in_minor_units_and_sends_the_customer_to_stripe()
    {
        await using var site = StripeStore.Start(_stripe);

        var (_, number, sessionId, checkout) = await site.CheckoutAsync(_stripe, "payer@example.com", quantity: 2);
        using var _ = checkout;

        Assert.Equal(HttpStatusCode.Redirect, checkout.StatusCode);
        Assert.Equal($"https://checkout.stripe.com/c/pay/{sessionId}", checkout.Headers.Location!.AbsoluteUri);
        var sent = Assert.Single(_stripe.RequestsTo("POST", "/v1/checkout/sessions"));
        Assert.Equal($"checkout-{number}-1", sent.IdempotencyKey);
        Assert.Equal("Bearer " + StripeApiStandIn.SecretKey, sent.Authorization);
        var form = sent.Form;
        Assert.Equal("payment", form["mode"]);
        Assert.Equal("1999", form["line_items[0][price_data][unit_amount]"]);
        Assert.Equal("2", form["line_items[0][quantity]"]);
        Assert.Equal("usd", form["line_items[0][price_data][currency]"]);
        Assert.Equal("Site Builder Pro – Single site", form["line_items[0][price_data][product_data][name]"]);
        Assert.Equal("payer@example.com", form["customer_email"]);
        Assert.Equal(number, form["client_reference_id"]);
        Assert.Equal(number, form["metadata[order_number]"]);
        Assert.Equal(number, form["payment_intent_data[metadata][order_number]"]);
        Assert.EndsWith($"/checkout/done/{number}", form["success_url"], StringComparison.Ordinal);
        Assert.StartsWith("http", form["success_url"], StringComparison.Ordinal);
        Assert.EndsWith($"/checkout/cancelled/{number}", form["cancel_url"], StringComparison.Ordinal);
        var order = await site.OrderAsync(number);
        Assert.Equal((OrderStatus.Pending, "stripe", (string?)null), (order.Status, order.PaymentProvider, order.PaymentReference));
    }

    [Fact]
    public async Task A_zero_decimal_currency_is_sent_in_whole_units()
    {
        await using var site = StripeStore.Start(_stripe, currency: "JPY");

        var (_, _, _, checkout) = await site.CheckoutAsync(_stripe, "yen@example.com", plan: Store.Agency);
        checkout.Dispose();

        var form = Assert.Single(_stripe.RequestsTo("POST", "/v1/checkout/sessions")).Form;
        Assert.Equal(("jpy", "149"), (form["line_items[0][price_data][currency]"], form["line_items[0][price_data][unit_amount]"]));
    }

    [Fact]
    public async Task Coming_back_from_stripe_alone_does_not_pay_the_order_the_page_says_processing_and_refreshes()
    {
        await using var site = StripeStore.Start(_stripe);
        var (customer, number, sessionId, checkout) = await site.CheckoutAsync(_stripe, "returner@example.com");
        checkout.Dispose();
        _stripe.Pay(sessionId);

        var page = await customer.GetDocumentAsync($"/checkout/done/{number}");

        Assert.Equal("Payment processing", page.Text("h1"));
        Assert.NotNull(page.QuerySelector("head meta[http-equiv='refresh']"));
        Assert.Equal(OrderStatus.Pending, (await site.OrderAsync(number)).Status);
        Assert.Empty(await LicensingArrange.AllAsync(site));
    }

    [Fact]
    public async Task Paid_through_the_webhook_the_order_is_paid_its_keys_issued_and_the_confirmation_mailed()
    {
        await using var site = StripeStore.Start(_stripe);
        var (customer, number, sessionId, checkout) = await site.CheckoutAsync(_stripe, "paid@example.com");
        checkout.Dispose();

        var paymentIntent = await site.PayAsync(_stripe, sessionId);

        var order = await site.OrderAsync(number);
        Assert.Equal((OrderStatus.Paid, paymentIntent), (order.Status, order.PaymentReference));
        Assert.Single(await LicensingArrange.AllAsync(site), l => l.OrderNumber == number && l.RevokedAt is null);
        Assert.Contains(site.Mails(), m => m.Subject!.StartsWith($"Your order {number}", StringComparison.Ordinal));
        var page = await customer.GetDocumentAsync($"/checkout/done/{number}");
        Assert.Equal("Thank you for your order", page.Text("h1"));
        Assert.Null(page.QuerySelector("meta[http-equiv='refresh']"));
        var recorded = Assert.Single(await site.StripeEventsAsync());
        Assert.Equal((StripeEventOutcome.Applied, number), (recorded.Outcome, recorded.OrderNumber));
    }

    [Fact]
    public async Task A_delayed_payment_waits_and_its_later_success_pays_the_order()
    {
        await using var site = StripeStore.Start(_stripe);
        var (_, number, sessionId, checkout) = await site.CheckoutAsync(_stripe, "delayed@example.com");
        checkout.Dispose();

        _stripe.Pay(sessionId, paymentStatus: "unpaid");
        (await site.SendEventAsync("checkout.session.completed", _stripe.Session(sessionId))).Dispose();
        var waiting = (await site.OrderAsync(number)).Status;
        _stripe.Pay(sessionId);
        using var succeeded = await site.SendEventAsync("checkout.session.async_payment_succeeded", _stripe.Session(sessionId));

        Assert.Equal(OrderStatus.Pending, waiting);
        Assert.Equal(OrderStatus.Paid, (await site.OrderAsync(number)).Status);
        Assert.Single(await LicensingArrange.AllAsync(site));
    }

    [Theory]
    [InlineData("checkout.session.async_payment_failed")]
    [InlineData("checkout.session.expired")]
    public async Task A_failed_or_expired_payment_fails_the_order_and_issues_nothing(string type)
    {
        await using var site = StripeStore.Start(_stripe);
        var (_, number, sessionId, checkout) = await site.CheckoutAsync(_stripe, "failed@example.com");
        checkout.Dispose();

        using var response = await site.SendEventAsync(type, _stripe.Session(sessionId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(OrderStatus.PaymentFailed, (await site.OrderAsync(number)).Status);
        Assert.Empty(await LicensingArrange.AllAsync(site));
        Assert.Equal(StripeSessionState.Closed, Assert.Single(await site.StripeSessionsAsync()).State);
    }

    [Fact]
    public async Task A_repeated_completed_event_pays_once_and_issues_the_keys_once()
    {
        await using var site = StripeStore.Start(_stripe);
        var (_, number, sessionId, checkout) = await site.CheckoutAsync(_stripe, "twice@example.com");
        checkout.Dispose();
        _stripe.Pay(sessionId);

        (await site.SendEventAsync("checkout.session.completed", _stripe.Session(sessionId), id: "evt_same")).Dispose();
        using var again = await site.SendEventAsync("checkout.session.completed", _stripe.Session(sessionId), id: "evt_same");
        using var redelivered = await site.SendEventAsync("checkout.session.completed", _stripe.Session(sessionId), id: "evt_other");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (again.StatusCode, redelivered.StatusCode));
        Assert.Single(await LicensingArrange.AllAsync(site));
        Assert.Single((await site.OrderAsync(number)).Timeline, t => t.Message == "Order paid.");
    }

    [Fact]
    public async Task A_completed_event_for_a_session_the_store_did_not_make_changes_nothing()
    {
        await using var site = StripeStore.Start(_stripe);
        var (_, number, sessionId, checkout) = await site.CheckoutAsync(_stripe, "forged@example.com");
        checkout.Dispose();
        var forged = _stripe.Session(sessionId);
        forged["id"] = "cs_test_someoneelse";
        forged["status"] = "complete";
        forged["payment_status"] = "paid";
        forged["payment_intent"] = "pi_someoneelse";

        using var response = await site.SendEventAsync("checkout.session.completed", forged);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(OrderStatus.Pending, (await site.OrderAsync(number)).Status);
    }

    [Fact]
    public async Task Cancelling_an_unpaid_stripe_order_expires_its_session_first()
    {
        await using var site = StripeStore.Start(_stripe);
        var (_, number, sessionId, checkout) = await site.CheckoutAsync(_stripe, "abandon@example.com");
        checkout.Dispose();
        var admin = await site.AdminAsync();

        using var response = await admin.SubmitFormAsync($"/admin/orders/{number}/cancel", "form.cancel-form", new Dictionary<string, string> { ["Reason"] = "Abandoned" });

        Assert.Single(_stripe.RequestsTo("POST", $"/v1/checkout/sessions/{sessionId}/expire"));
        Assert.Equal("expired", (string?)_stripe.Session(sessionId)["status"]);
        Assert.Equal(OrderStatus.Cancelled, (await site.OrderAsync(number)).Status);
    }

    [Fact]
    public async Task Cancelling_an_order_stripe_took_the_money_for_completes_it_instead()
    {
        await using var site = StripeStore.Start(_stripe);
        var (_, number, sessionId, checkout) = await site.CheckoutAsync(_stripe, "latepay@example.com");
        checkout.Dispose();
        var paymentIntent = _stripe.Pay(sessionId);
        var admin = await site.AdminAsync();

        (await admin.SubmitFormAsync($"/admin/orders/{number}/cancel", "form.cancel-form", new Dictionary<string, string> { ["Reason"] = "Abandoned" })).Dispose();

        Assert.Empty(_stripe.RequestsTo("POST", $"/v1/checkout/sessions/{sessionId}/expire"));
        var order = await site.OrderAsync(number);
        Assert.Equal((OrderStatus.Pending, paymentIntent), (order.Status, order.PaymentReference));
    }
}
