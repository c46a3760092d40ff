using System.Net;
using CP.Commerce.Events;
using CP.Commerce.Models;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Tests.Infrastructure;

namespace StoreSite.Tests.Commerce;

public sealed class RefundTests
{
    private static Dictionary<string, string> Reason(string reason) => new() { ["Reason"] = reason };

    [Fact]
    public async Task Refunding_a_paid_order_refunds_once_marks_it_refunded_runs_the_event_and_tells_the_customer()
    {
        var events = new RecordingOrderEvents();
        await using var site = TestSite.Start(o => o.Services = s => s.AddSingleton<IOrderEvents>(events));
        var (customer, number) = await site.PaidOrderAsync("refund@example.com", quantity: 3);
        var admin = await site.AdminAsync();

        var refundPage = await admin.GetDocumentAsync($"/admin/orders/{number}/refund");
        Assert.Contains("59.97 USD", refundPage.Text(".refund-form button"), StringComparison.Ordinal);
        using var response = await admin.SubmitFormAsync(refundPage, "form.refund-form", Reason("Customer changed their mind"));

        Assert.Equal($"/admin/orders/{number}", response.Headers.Location?.OriginalString);
        var detail = await admin.GetDocumentAsync($"/admin/orders/{number}");
        Assert.Equal($"Order {number} has been refunded.", detail.Text(".notice-success"));
        Assert.Equal("Refunded", detail.Text(".order-status"));
        Assert.Contains("Customer changed their mind", detail.Text(".timeline"), StringComparison.Ordinal);
        Assert.Null(detail.QuerySelector(".refund-link"));
        var order = await site.OrderAsync(number);
        Assert.Equal(OrderStatus.Refunded, order.Status);
        Assert.NotNull(order.RefundedAt);
        Assert.Equal(1, site.Payments().RefundsOf(number));
        var refunded = Assert.Single(events.Of(nameof(IOrderEvents.OrderRefundedAsync)));
        Assert.Equal(("Customer changed their mind", TestSite.AdminEmail), (refunded.Reason, refunded.Actor));
        Assert.Single(events.Of(nameof(IOrderEvents.CanRefundAsync)));

        var notice = site.Mails().Single(m => m.Subject == $"Your order {number} has been refunded");
        Assert.Contains("refunded in full: 59.97 USD", notice.TextBody, StringComparison.Ordinal);
        Assert.Contains("Reason: Customer changed their mind", notice.TextBody, StringComparison.Ordinal);
        var mine = await customer.GetDocumentAsync($"/account/orders/{number}");
        Assert.Equal("Refunded", mine.Text(".details .badge"));
    }

    [Fact]
    public async Task A_refund_the_provider_could_not_be_reached_for_leaves_the_order_paid_with_a_message_and_can_be_asked_again()
    {
        var (site, payments) = FlakyPaymentProvider.StartSite();
        await using var _ = site;
        var (_, number) = await site.PaidOrderAsync("unreachable@example.com");
        var admin = await site.AdminAsync();
        var refundPage = await admin.GetDocumentAsync($"/admin/orders/{number}/refund");

        payments.Next = FlakyPaymentProvider.Fault.RefundUnreachable;
        using var failed = await admin.SubmitFormAsync(refundPage, "form.refund-form", Reason("Duplicate purchase"));
        payments.Next = FlakyPaymentProvider.Fault.None;

        Assert.Equal($"/admin/orders/{number}", failed.Headers.Location?.OriginalString);
        var detail = await admin.GetDocumentAsync($"/admin/orders/{number}");
        Assert.StartsWith("Test payment could not be reached: Connection refused", detail.Text(".notice-error"), StringComparison.Ordinal);
        Assert.Equal("Paid", detail.Text(".order-status"));
        Assert.Equal(0, payments.Inner.RefundsOf(number));

        using var retried = await admin.SubmitFormAsync(refundPage, "form.refund-form", Reason("Duplicate purchase"));
        Assert.Equal(OrderStatus.Refunded, (await site.OrderAsync(number)).Status);
        Assert.Equal(1, payments.Inner.RefundsOf(number));
    }

    [Fact]
    public async Task Refunding_twice_is_refused_with_a_message_and_refunds_once()
    {
        await using var site = TestSite.Start();
        var (_, number) = await site.PaidOrderAsync("twice@example.com");
        var admin = await site.AdminAsync();
        var refundPage = await admin.GetDocumentAsync($"/admin/orders/{number}/refund");
        (await admin.SubmitFormAsync(refundPage, "form.refund-form", Reason("first"))).Dispose();

        using var again = await admin.SubmitFormAsync(refundPage, "form.refund-form", Reason("second"));
        using var page = await admin.GetAsync($"/admin/orders/{number}/refund");

        Assert.Equal($"/admin/orders/{number}", again.Headers.Location?.OriginalString);
        Assert.Equal($"/admin/orders/{number}", page.Headers.Location?.OriginalString);
        var detail = await admin.GetDocumentAsync($"/admin/orders/{number}");
        Assert.Equal("This order has already been refunded.", detail.Text(".notice-error"));
        Assert.Equal(1, site.Payments().RefundRequestsOf(number));
        Assert.Equal("first", (await site.OrderAsync(number)).RefundReason);
    }

    [Fact]
    public async Task Refunding_an_order_that_is_not_paid_is_refused_with_a_message()
    {
        await using var site = TestSite.Start();
        var client = await site.RegisterCustomerAsync("unpaid@example.com");
        (await client.AddToCartAsync(Store.SiteBuilder, Store.SingleSite)).Dispose();
        (await client.CheckoutAsync(simulateDecline: true)).Dispose();
        var number = Assert.Single(await site.OrdersAsync()).Number;
        var admin = await site.AdminAsync();
        var token = Html.AntiforgeryToken(await admin.GetDocumentAsync("/admin/orders"));

        using var page = await admin.GetAsync($"/admin/orders/{number}/refund");
        using var post = await admin.PostAsync($"/admin/orders/{number}/refund", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Reason"] = "why not" }));

        Assert.Equal($"/admin/orders/{number}", page.Headers.Location?.OriginalString);
        Assert.Equal($"/admin/orders/{number}", post.Headers.Location?.OriginalString);
        var detail = await admin.GetDocumentAsync($"/admin/orders/{number}");
        Assert.Equal("Only paid orders can be refunded; this order is Payment failed.", detail.Text(".notice-error"));
        Assert.Equal(OrderStatus.PaymentFailed, (await site.OrderAsync(number)).Status);
        Assert.Equal(0, site.Payments().RefundRequestsOf(number));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_refund_without_a_reason_asks_for_one_and_refunds_nothing(string reason)
    {
        await using var site = TestSite.Start();
        var (_, number) = await site.PaidOrderAsync("noreason@example.com");
        var admin = await site.AdminAsync();

        using var response = await admin.SubmitFormAsync($"/admin/orders/{number}/refund", "form.refund-form", Reason(reason));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Give the reason for the refund.", Html.FieldError(await Html.ParseAsync(response), "Reason"));
        Assert.Equal(OrderStatus.Paid, (await site.OrderAsync(number)).Status);
        Assert.Equal(0, site.Payments().RefundRequestsOf(number));
    }

    [Fact]
    public async Task A_hostile_one_megabyte_reason_gets_a_message_not_an_error()
    {
        await using var site = TestSite.Start();
        var (_, number) = await site.PaidOrderAsync("long@example.com");
        var admin = await site.AdminAsync();

        using var response = await admin.SubmitFormAsync($"/admin/orders/{number}/refund", "form.refund-form", Reason(new string('x', 1_000_000)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("The reason must be at most 500 characters.", Html.FieldError(await Html.ParseAsync(response), "Reason"));
        Assert.Equal(OrderStatus.Paid, (await site.OrderAsync(number)).Status);
    }

    [Fact]
    public async Task A_module_that_refuses_the_refund_up_front_leaves_the_order_paid_refunds_no_money_and_shows_the_error()
    {
        var events = new RecordingOrderEvents { RefuseRefund = _ => "the license server refused" };
        await using var site = TestSite.Start(o => o.Services = s => s.AddSingleton<IOrderEvents>(events));
        var (_, number) = await site.PaidOrderAsync("throwing@example.com");
        var admin = await site.AdminAsync();

        using var response = await admin.SubmitFormAsync($"/admin/orders/{number}/refund", "form.refund-form", Reason("broken handler"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var detail = await admin.GetDocumentAsync(response.Headers.Location!.OriginalString);
        var error = detail.Text(".notice-error");
        Assert.Contains("The refund was not made", error, StringComparison.Ordinal);
        Assert.Contains("the license server refused", error, StringComparison.Ordinal);
        Assert.Equal("Paid", detail.Text(".order-status"));
        var order = await site.OrderAsync(number);
        Assert.Equal(OrderStatus.Paid, order.Status);
        Assert.Null(order.RefundedAt);
        Assert.DoesNotContain(order.Timeline, t => t.Message.Contains("refunded", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(0, site.Payments().RefundRequestsOf(number));
        Assert.Empty(events.Of(nameof(IOrderEvents.OrderRefundedAsync)));
    }

    [Fact]
    public async Task When_the_store_part_fails_after_the_provider_refunded_the_order_stays_RefundPending_and_finishing_never_refunds_twice()
    {
        var events = new RecordingOrderEvents();
        await using var site = TestSite.Start(o => o.Services = s => s.AddSingleton<IOrderEvents>(events));
        var (_, number) = await site.PaidOrderAsync("pending-refund@example.com");
        var payments = site.Payments();
        // The store's part fails only once the money has been given back (e.g. the database went away).
        events.FailRefund = context => payments.RefundsOf(context.Order.Number) > 0 ? "database connection lost" : null;
        var admin = await site.AdminAsync();

        using var response = await admin.SubmitFormAsync($"/admin/orders/{number}/refund", "form.refund-form", Reason("late failure"));

        var detail = await admin.GetDocumentAsync($"/admin/orders/{number}");
        Assert.Contains("The money was refunded, but the store could not finish the refund", detail.Text(".notice-error"), StringComparison.Ordinal);
        Assert.Equal("Refund pending", detail.Text(".order-status"));
        Assert.NotNull(detail.QuerySelector(".refund-pending form[action$='/finish-refund']"));
        Assert.Equal(OrderStatus.RefundPending, (await site.OrderAsync(number)).Status);
        var list = await admin.GetDocumentAsync("/admin/orders?status=RefundPending");
        Assert.NotNull(list.QuerySelector($"tr[data-order='{number}']"));

        // Still broken: finishing fails, stays pending, asks the provider nothing.
        using var stillBroken = await admin.SubmitFormAsync($"/admin/orders/{number}", ".refund-pending form", new Dictionary<string, string>());
        Assert.Equal(OrderStatus.RefundPending, (await site.OrderAsync(number)).Status);

        events.FailRefund = null;
        using var finish = await admin.SubmitFormAsync($"/admin/orders/{number}", ".refund-pending form", new Dictionary<string, string>());
        detail = await admin.GetDocumentAsync($"/admin/orders/{number}");
        Assert.Equal($"Order {number} has been refunded.", detail.Text(".notice-success"));
        Assert.Equal("Refunded", detail.Text(".order-status"));
        var order = await site.OrderAsync(number);
        Assert.Equal(OrderStatus.Refunded, order.Status);
        Assert.Equal("late failure", order.RefundReason);
        Assert.Equal(1, payments.RefundRequestsOf(number));
        Assert.Equal(1, payments.RefundsOf(number));
        var refunded = Assert.Single(events.Of(nameof(IOrderEvents.OrderRefundedAsync)));
        Assert.Equal("late failure", refunded.Reason);

        using var finishAgain = await admin.PostAsync($"/admin/orders/{number}/finish-refund", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Html.AntiforgeryToken(detail) }));
        Assert.Equal(1, payments.RefundRequestsOf(number));
        Assert.Single(events.Of(nameof(IOrderEvents.OrderRefundedAsync)));
    }
}
