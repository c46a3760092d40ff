using CP.Commerce.Models;
using StoreSite.Tests.Infrastructure;

namespace StoreSite.Tests.Commerce;

/// <summary>The admin dashboard's Orders card.</summary>
public sealed class OrdersDashboardTests
{
    private static string Count(AngleSharp.Dom.IDocument page, OrderStatus status) => page.Text($".orders-dashboard li[data-status='{status}'] strong");

    [Fact]
    public async Task The_dashboard_counts_orders_by_status_and_lists_the_stuck_ones_with_what_to_do()
    {
        var events = new RecordingOrderEvents();
        var (site, payments) = FlakyPaymentProvider.StartSite(events);
        await using var _ = site;
        var admin = await site.AdminAsync();
        var empty = await admin.GetDocumentAsync("/admin");
        Assert.Equal("No order is waiting for you.", empty.Text(".orders-dashboard .nothing-stuck"));
        Assert.Equal("0", Count(empty, OrderStatus.Paid));

        var (_, paid) = await site.PaidOrderAsync("paid@example.com");
        events.FailPaid = _ => "license server down";
        var (_, confirmed) = await site.PaidOrderAsync("confirmed@example.com");
        events.FailPaid = null;
        var customer = await site.RegisterCustomerAsync("unconfirmed@example.com");
        (await customer.AddToCartAsync(Store.SiteBuilder, Store.SingleSite)).Dispose();
        payments.Next = FlakyPaymentProvider.Fault.ChargeUnreachable;
        (await customer.CheckoutAsync()).Dispose();
        payments.Next = FlakyPaymentProvider.Fault.None;
        var unconfirmed = (await site.OrdersAsync()).Single(o => o.CustomerEmail == "unconfirmed@example.com").Number;

        var now = await admin.GetDocumentAsync("/admin");
        Assert.Equal("1", Count(now, OrderStatus.Paid));
        Assert.Equal("2", Count(now, OrderStatus.Pending));
        var listed = now.QuerySelectorAll(".orders-needing-attention li").Select(li => li.TextContent).ToList();
        var only = Assert.Single(listed);
        Assert.Contains(confirmed, only, StringComparison.Ordinal);
        Assert.Contains("The payment was confirmed; finish the payment.", only, StringComparison.Ordinal);
        Assert.NotNull(now.QuerySelector($".orders-needing-attention a[href='/admin/orders/{confirmed}']"));

        // A checkout still waiting for its provider is in progress until it has waited 15 minutes.
        site.Clock.Advance(TimeSpan.FromMinutes(16));
        var later = await admin.GetDocumentAsync("/admin");
        listed = later.QuerySelectorAll(".orders-needing-attention li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, listed.Count);
        Assert.Contains(listed, l => l.Contains(unconfirmed, StringComparison.Ordinal) && l.Contains("never confirmed; cancel the order", StringComparison.Ordinal));
        Assert.DoesNotContain(listed, l => l.Contains(paid, StringComparison.Ordinal));
        Assert.Equal($"/admin/orders?status={OrderStatus.Paid}", later.QuerySelector(".orders-dashboard li[data-status='Paid'] a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_refund_left_pending_is_listed_until_it_is_finished()
    {
        var events = new RecordingOrderEvents();
        var (site, payments) = FlakyPaymentProvider.StartSite(events);
        await using var _ = site;
        var (_, number) = await site.PaidOrderAsync("refund.stuck@example.com");
        var admin = await site.AdminAsync();
        events.FailRefund = context => payments.Inner.RefundsOf(context.Order.Number) > 0 ? "database connection lost" : null;
        (await admin.SubmitFormAsync($"/admin/orders/{number}/refund", "form.refund-form", new Dictionary<string, string> { ["Reason"] = "Duplicate" })).Dispose();
        Assert.Equal(OrderStatus.RefundPending, (await site.OrderAsync(number)).Status);

        var page = await admin.GetDocumentAsync("/admin");
        Assert.Contains("The money went back; finish the refund.", page.Text(".orders-needing-attention"), StringComparison.Ordinal);
        Assert.Equal("1", Count(page, OrderStatus.RefundPending));

        events.FailRefund = null;
        (await admin.SubmitFormAsync($"/admin/orders/{number}", "form[action$='/finish-refund']", new Dictionary<string, string>())).Dispose();
        page = await admin.GetDocumentAsync("/admin");
        Assert.Equal("No order is waiting for you.", page.Text(".orders-dashboard .nothing-stuck"));
        Assert.Equal("1", Count(page, OrderStatus.Refunded));
    }
}
