using System.Net;
using CP.Commerce.Events;
using CP.Commerce.Models;
using CP.Commerce.Orders;
using CP.Commerce.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Tests.Infrastructure;

namespace StoreSite.Tests.Commerce;

/// <summary>Cancelling a Pending order whose payment the store never saw confirmed.</summary>
public sealed class CancelTests
{
    private static Dictionary<string, string> Reason(string reason) => new() { ["Reason"] = reason };

    private static Task SetProviderAsync(TestSite site, int orderId, string provider) =>
        site.InScopeAsync(sp => sp.GetRequiredService<CP.Commerce.Data.CommerceDbContext>().Orders.Where(o => o.Id == orderId)
            .ExecuteUpdateAsync(u => u.SetProperty(o => o.PaymentProvider, provider)));

    /// <summary>
    /// Makes the order look placed <paramref name="age"/> ago without moving the site clock: moving it
    /// would also wake the background sweep, and the test's own sweep would race it.
    /// </summary>
    private static Task PlacedAgoAsync(TestSite site, int orderId, TimeSpan age) =>
        site.InScopeAsync(sp => sp.GetRequiredService<CP.Commerce.Data.CommerceDbContext>().Orders.Where(o => o.Id == orderId)
            .ExecuteUpdateAsync(u => u.SetProperty(o => o.CreatedAt, site.Clock.GetUtcNow() - age)));

    /// <summary>A customer's checkout while the provider misbehaves as <paramref name="fault"/>; the order it left Pending.</summary>
    private static async Task<(HttpClient Customer, Order Order, HttpResponseMessage Checkout)> StuckCheckoutAsync(TestSite site, FlakyPaymentProvider payments, FlakyPaymentProvider.Fault fault, string email)
    {
        var customer = await site.RegisterCustomerAsync(email);
        (await customer.AddToCartAsync(Store.SiteBuilder, Store.SingleSite)).Dispose();
        payments.Next = fault;
        var checkout = await customer.CheckoutAsync();
        payments.Next = FlakyPaymentProvider.Fault.None;
        var order = Assert.Single(await site.OrdersAsync());
        Assert.Equal(OrderStatus.Pending, order.Status);
        Assert.Null(order.PaymentReference);
        return (customer, order, checkout);
    }

    [Fact]
    public async Task An_order_whose_provider_could_not_be_reached_is_cancelled_with_a_reason_the_customer_is_told_and_it_can_never_be_charged()
    {
        var events = new RecordingOrderEvents();
        var (site, payments) = FlakyPaymentProvider.StartSite(events);
        await using var _ = site;
        var (customer, order, checkout) = await StuckCheckoutAsync(site, payments, FlakyPaymentProvider.Fault.ChargeUnreachable, "stuck@example.com");
        using (checkout)
        {
            var done = await customer.GetDocumentAsync(checkout.Headers.Location!.OriginalString);
            Assert.Contains("We could not reach the payment provider", done.Text(".notice-error"), StringComparison.Ordinal);
        }

        var waiting = await customer.GetDocumentAsync($"/account/orders/{order.Number}");
        Assert.Contains("waiting for the payment provider to confirm your payment", waiting.Text(".order-state-note"), StringComparison.Ordinal);
        var admin = await site.AdminAsync();
        var detail = await admin.GetDocumentAsync($"/admin/orders/{order.Number}");
        Assert.Contains("never saw this order's payment confirmed", detail.Text(".payment-unconfirmed"), StringComparison.Ordinal);
        var page = await admin.GetDocumentAsync(detail.QuerySelector("a.cancel-link")!.GetAttribute("href")!);
        Assert.Equal($"Cancel order {order.Number}", page.Text("h1"));
        using var response = await admin.SubmitFormAsync(page, "form.cancel-form", Reason("Customer asked us to cancel"));

        Assert.Equal($"/admin/orders/{order.Number}", response.Headers.Location?.OriginalString);
        detail = await admin.GetDocumentAsync($"/admin/orders/{order.Number}");
        Assert.Equal($"Order {order.Number} has been cancelled; no payment can be taken for it any more.", detail.Text(".notice-success"));
        Assert.Equal("Cancelled", detail.Text(".order-status"));
        Assert.Contains("Order cancelled. Reason: Customer asked us to cancel", detail.Text(".timeline"), StringComparison.Ordinal);
        Assert.Null(detail.QuerySelector(".cancel-link"));
        Assert.Null(detail.QuerySelector(".refund-link"));
        Assert.Equal(OrderStatus.Cancelled, (await site.OrderAsync(order.Number)).Status);

        var late = await payments.Inner.ChargeAsync(new PaymentRequest(order.Number, order.Total, order.Currency, order.CustomerEmail), CancellationToken.None);
        Assert.False(late.Succeeded);
        Assert.Equal(0, payments.Inner.ChargesOf(order.Number));
        Assert.Empty(events.Of(nameof(IOrderEvents.OrderPaidAsync)));

        var notice = site.Mails().Single(m => m.Subject == $"Your order {order.Number} has been cancelled");
        Assert.Contains("has been cancelled. You have not been charged for it.", notice.TextBody, StringComparison.Ordinal);
        Assert.Contains("Reason: Customer asked us to cancel", notice.TextBody, StringComparison.Ordinal);
        var mine = await customer.GetDocumentAsync($"/account/orders/{order.Number}");
        Assert.Equal("Cancelled", mine.Text(".details .badge"));
        Assert.Equal("This order was cancelled. You have not been charged for it.", mine.Text(".order-state-note"));
    }

    [Fact]
    public async Task An_order_charged_after_all_is_not_cancelled_its_payment_is_recorded_and_finishing_it_charges_nothing_more()
    {
        var events = new RecordingOrderEvents();
        var (site, payments) = FlakyPaymentProvider.StartSite(events);
        await using var _ = site;
        var (customer, order, checkout) = await StuckCheckoutAsync(site, payments, FlakyPaymentProvider.Fault.ChargeAnswerLost, "lost@example.com");
        using (checkout)
        {
            Assert.Equal(HttpStatusCode.Redirect, checkout.StatusCode);
            var done = await customer.GetDocumentAsync(checkout.Headers.Location!.OriginalString);
            Assert.Contains("We could not reach the payment provider", done.Text(".notice-error"), StringComparison.Ordinal);
        }

        Assert.Equal(1, payments.Inner.ChargesOf(order.Number));

        var admin = await site.AdminAsync();
        using var response = await admin.SubmitFormAsync($"/admin/orders/{order.Number}/cancel", "form.cancel-form", Reason("Looks abandoned"));

        var detail = await admin.GetDocumentAsync($"/admin/orders/{order.Number}");
        Assert.Equal(
            $"The order was not cancelled: Test payment reports that it was charged (test_ch_{order.Number}). Use Finish payment to complete it, and refund it afterwards if it should not stand.",
            detail.Text(".notice-error"));
        Assert.Equal("Pending", detail.Text(".order-status"));
        Assert.Equal($"test_ch_{order.Number}", (await site.OrderAsync(order.Number)).PaymentReference);
        Assert.Null(detail.QuerySelector(".cancel-link"));
        Assert.DoesNotContain(site.Mails(), m => m.Subject?.Contains("cancelled", StringComparison.Ordinal) == true);

        using var finish = await admin.SubmitFormAsync(detail, "form[action$='/finish-payment']", new Dictionary<string, string>());
        detail = await admin.GetDocumentAsync($"/admin/orders/{order.Number}");
        Assert.Equal("Paid", detail.Text(".order-status"));
        Assert.Equal(1, payments.Inner.ChargesOf(order.Number));
        Assert.Equal(1, payments.Inner.ChargeRequestsOf(order.Number));
        Assert.Single(events.Of(nameof(IOrderEvents.OrderPaidAsync)));
    }

    [Fact]
    public async Task Cancelling_needs_a_reason_and_a_reachable_provider_and_each_refusal_leaves_the_order_pending()
    {
        var (site, payments) = FlakyPaymentProvider.StartSite();
        await using var _ = site;
        var (_, order, checkout) = await StuckCheckoutAsync(site, payments, FlakyPaymentProvider.Fault.ChargeUnreachable, "refusals@example.com");
        checkout.Dispose();
        var admin = await site.AdminAsync();
        var page = await admin.GetDocumentAsync($"/admin/orders/{order.Number}/cancel");

        using var blank = await admin.SubmitFormAsync(page, "form.cancel-form", Reason(" \t "));
        var again = await Html.ParseAsync(blank);
        Assert.Equal(HttpStatusCode.OK, blank.StatusCode);
        Assert.Equal("Give the reason for cancelling the order.", again.Text("[data-valmsg-for='Reason']"));

        payments.Next = FlakyPaymentProvider.Fault.VoidUnreachable;
        using var unreachable = await admin.SubmitFormAsync(page, "form.cancel-form", Reason("Abandoned"));
        payments.Next = FlakyPaymentProvider.Fault.None;
        var detail = await admin.GetDocumentAsync($"/admin/orders/{order.Number}");
        Assert.StartsWith("Test payment could not be reached, so the order was not cancelled", detail.Text(".notice-error"), StringComparison.Ordinal);
        Assert.Equal("Pending", detail.Text(".order-status"));
        Assert.Contains("Cancelling failed: the payment provider could not be reached", detail.Text(".timeline"), StringComparison.Ordinal);

        payments.Next = FlakyPaymentProvider.Fault.VoidRefused;
        using var refused = await admin.SubmitFormAsync(page, "form.cancel-form", Reason("Abandoned"));
        payments.Next = FlakyPaymentProvider.Fault.None;
        detail = await admin.GetDocumentAsync($"/admin/orders/{order.Number}");
        Assert.Equal("Test payment refused to void the payment: Payments under review cannot be voided. The order is still Pending.", detail.Text(".notice-error"));
        Assert.Contains("Cancelling refused by Test payment", detail.Text(".timeline"), StringComparison.Ordinal);

        await SetProviderAsync(site, order.Id, "retired");
        using var noProvider = await admin.SubmitFormAsync(page, "form.cancel-form", Reason("Abandoned"));
        detail = await admin.GetDocumentAsync($"/admin/orders/{order.Number}");
        Assert.StartsWith("The payment provider 'retired' of this order is not available", detail.Text(".notice-error"), StringComparison.Ordinal);
        Assert.Equal(OrderStatus.Pending, (await site.OrderAsync(order.Number)).Status);
        await SetProviderAsync(site, order.Id, "test");

        using var cancelled = await admin.SubmitFormAsync(page, "form.cancel-form", Reason("Abandoned"));
        Assert.Equal(OrderStatus.Cancelled, (await site.OrderAsync(order.Number)).Status);
        using var twice = await admin.SubmitFormAsync(page, "form.cancel-form", Reason("Abandoned again"));
        detail = await admin.GetDocumentAsync($"/admin/orders/{order.Number}");
        Assert.Equal("This order has already been cancelled.", detail.Text(".notice-error"));
        Assert.Single(site.Mails(), m => m.Subject == $"Your order {order.Number} has been cancelled");
    }

    [Fact]
    public async Task Paid_and_declined_orders_cannot_be_cancelled_and_say_why()
    {
        await using var site = TestSite.Start();
        var (_, paid) = await site.PaidOrderAsync("paid@example.com");
        var decliner = await site.RegisterCustomerAsync("declined@example.com");
        (await decliner.AddToCartAsync(Store.SiteBuilder, Store.SingleSite)).Dispose();
        (await decliner.CheckoutAsync(simulateDecline: true)).Dispose();
        var declined = (await site.OrdersAsync()).Single(o => o.Status == OrderStatus.PaymentFailed).Number;
        var admin = await site.AdminAsync();

        foreach (var (number, message) in new[]
        {
            (paid, "This order is paid, so it cannot be cancelled; refund it instead."),
            (declined, "Only orders waiting for their payment can be cancelled; this order is Payment failed."),
        })
        {
            Assert.Null((await admin.GetDocumentAsync($"/admin/orders/{number}")).QuerySelector(".cancel-link"));
            using var page = await admin.GetAsync($"/admin/orders/{number}/cancel");
            Assert.Equal($"/admin/orders/{number}", page.Headers.Location?.OriginalString);
            Assert.Equal(message, (await admin.GetDocumentAsync($"/admin/orders/{number}")).Text(".notice-error"));

            var token = (await admin.GetDocumentAsync($"/admin/orders/{number}")).QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
            using var post = await admin.PostAsync($"/admin/orders/{number}/cancel", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Reason"] = "x" }));
            Assert.Equal($"/admin/orders/{number}", post.Headers.Location?.OriginalString);
            Assert.Equal(message, (await admin.GetDocumentAsync($"/admin/orders/{number}")).Text(".notice-error"));
        }

        Assert.Equal(OrderStatus.Paid, (await site.OrderAsync(paid)).Status);
        Assert.Equal(OrderStatus.PaymentFailed, (await site.OrderAsync(declined)).Status);
    }

    [Fact]
    public async Task The_store_cancels_an_order_whose_payment_was_not_confirmed_within_a_day_and_tells_the_customer()
    {
        var (site, payments) = FlakyPaymentProvider.StartSite();
        await using var _ = site;
        var (_, order, checkout) = await StuckCheckoutAsync(site, payments, FlakyPaymentProvider.Fault.ChargeUnreachable, "late.sweep@example.com");
        checkout.Dispose();
        var sweeper = site.Services.GetRequiredService<UnconfirmedOrderSweeper>();

        await PlacedAgoAsync(site, order.Id, TimeSpan.FromHours(23));
        Assert.Equal(0, await sweeper.SweepAsync(CancellationToken.None));
        Assert.Equal(OrderStatus.Pending, (await site.OrderAsync(order.Number)).Status);

        await PlacedAgoAsync(site, order.Id, TimeSpan.FromHours(25));
        Assert.Equal(1, await sweeper.SweepAsync(CancellationToken.None));

        var cancelled = await site.OrderAsync(order.Number);
        Assert.Equal(OrderStatus.Cancelled, cancelled.Status);
        var entry = cancelled.Timeline.OrderBy(t => t.Id).Last();
        Assert.Equal(("system", "Order cancelled. Reason: The payment was not confirmed within 24 hours."), (entry.Actor, entry.Message));
        Assert.Contains("Reason: The payment was not confirmed within 24 hours.", site.Mails().Single(m => m.Subject == $"Your order {order.Number} has been cancelled").TextBody, StringComparison.Ordinal);
        Assert.False((await payments.Inner.ChargeAsync(new PaymentRequest(order.Number, order.Total, order.Currency, order.CustomerEmail), CancellationToken.None)).Succeeded);
        Assert.Equal(0, await sweeper.SweepAsync(CancellationToken.None));
    }

    [Fact]
    public async Task The_store_completes_instead_an_order_the_provider_charged_after_all()
    {
        var events = new RecordingOrderEvents();
        var (site, payments) = FlakyPaymentProvider.StartSite(events);
        await using var _ = site;
        var (_, order, checkout) = await StuckCheckoutAsync(site, payments, FlakyPaymentProvider.Fault.ChargeAnswerLost, "paid.after.all@example.com");
        checkout.Dispose();

        await PlacedAgoAsync(site, order.Id, TimeSpan.FromHours(25));
        Assert.Equal(0, await site.Services.GetRequiredService<UnconfirmedOrderSweeper>().SweepAsync(CancellationToken.None));

        var paid = await site.OrderAsync(order.Number);
        Assert.Equal(OrderStatus.Paid, paid.Status);
        Assert.Equal($"test_ch_{order.Number}", paid.PaymentReference);
        Assert.Equal(1, payments.Inner.ChargeRequestsOf(order.Number));
        Assert.Single(events.Of(nameof(IOrderEvents.OrderPaidAsync)));
        Assert.Contains(site.Mails(), m => m.Subject?.StartsWith($"Your order {order.Number} at", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task The_sweep_runs_by_itself_on_the_site_clock()
    {
        var (site, payments) = FlakyPaymentProvider.StartSite();
        await using var _ = site;
        var (_, order, checkout) = await StuckCheckoutAsync(site, payments, FlakyPaymentProvider.Fault.ChargeUnreachable, "timer.sweep@example.com");
        checkout.Dispose();

        site.Clock.Advance(TimeSpan.FromHours(25));

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await site.OrderAsync(order.Number)).Status != OrderStatus.Cancelled && DateTime.UtcNow < deadline)
        {
            site.Clock.Advance(UnconfirmedOrderSweeper.Interval);
            await Task.Delay(100);
        }

        Assert.Equal(OrderStatus.Cancelled, (await site.OrderAsync(order.Number)).Status);
    }

    [Theory]
    [InlineData("00:05:00")]
    [InlineData("-01:00:00")]
    public void A_cancel_delay_shorter_than_a_checkout_fails_the_start_naming_the_setting(string delay)
    {
        var failure = Record.Exception(() => TestSite.Start(o =>
        {
            o.Recipe = null;
            o.Settings["StoreSite:Commerce:CancelUnconfirmedAfter"] = delay;
        }));

        Assert.NotNull(failure);
        Assert.Contains("StoreSite:Commerce:CancelUnconfirmedAfter", failure.ToString(), StringComparison.Ordinal);
    }
}
