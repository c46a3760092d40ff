using CP.Commerce.Events;
using System.Net;
using CP.Commerce.Models;
using CP.Commerce.Orders;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Tests.Infrastructure;

namespace StoreSite.Tests.Commerce;

/// <summary>
/// An order's timeline has no bound (every cancel or refund that fails while the payment provider is
/// down adds an entry, and the store retries by itself every 5 minutes): its admin page pages it in
/// the database, with the total.
/// </summary>
public sealed class OrderTimelinePagingTests
{
    [Fact]
    public async Task An_order_with_32_timeline_entries_shows_them_20_to_a_page_with_the_total()
    {
        var (site, payments) = FlakyPaymentProvider.StartSite();
        await using var _ = site;
        var number = await StuckOrderWithFailedCancelsAsync(site, payments, failedCancels: 30);
        var admin = await site.AdminAsync();

        var first = await admin.GetDocumentAsync($"/admin/orders/{number}");
        var second = await admin.GetDocumentAsync($"/admin/orders/{number}?timeline=2");
        var beyond = await admin.GetDocumentAsync($"/admin/orders/{number}?timeline=9999");

        Assert.Equal("32 entries", first.Text(".timeline-count"));
        Assert.Equal(20, first.QuerySelectorAll("ol.timeline li").Length);
        Assert.Contains("Order placed.", first.QuerySelector("ol.timeline li")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Page 1 of 2 (32 in all)", first.Text("nav.pager span"));
        Assert.Equal($"/admin/orders/{number}?timeline=2#timeline", first.QuerySelector("nav.pager a[rel='next']")?.GetAttribute("href"));
        Assert.Equal(12, second.QuerySelectorAll("ol.timeline li").Length);
        Assert.All(second.QuerySelectorAll("ol.timeline li"), li => Assert.Contains("Cancelling failed: the payment provider could not be reached", li.TextContent, StringComparison.Ordinal));
        Assert.Equal(second.QuerySelector("ol.timeline")!.TextContent, beyond.QuerySelector("ol.timeline")!.TextContent);
        Assert.NotNull(second.QuerySelector("a.cancel-link"));
    }

    [Theory]
    [InlineData("timeline=abc")]
    [InlineData("timeline=-1")]
    [InlineData("timeline=0")]
    [InlineData("timeline=99999999999")]
    [InlineData("timeline=%3Cscript%3E")]
    public async Task Absurd_timeline_pages_show_the_first_page(string query)
    {
        var (site, payments) = FlakyPaymentProvider.StartSite();
        await using var _ = site;
        var number = await StuckOrderWithFailedCancelsAsync(site, payments, failedCancels: 30);
        var admin = await site.AdminAsync();

        using var response = await admin.GetAsync($"/admin/orders/{number}?{query}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("Page 1 of 2 (32 in all)", page.Text("nav.pager span"));
        Assert.Contains("Order placed.", page.QuerySelector("ol.timeline li")!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>A checkout that could not reach the provider (2 entries), then <paramref name="failedCancels"/> cancels that could not either.</summary>
    private static async Task<string> StuckOrderWithFailedCancelsAsync(TestSite site, FlakyPaymentProvider payments, int failedCancels)
    {
        var customer = await site.RegisterCustomerAsync("stuck@example.com");
        (await customer.AddToCartAsync(Store.SiteBuilder, Store.SingleSite)).Dispose();
        payments.Next = FlakyPaymentProvider.Fault.ChargeUnreachable;
        (await customer.CheckoutAsync()).Dispose();
        var order = Assert.Single(await site.OrdersAsync());
        Assert.Equal(OrderStatus.Pending, order.Status);
        payments.Next = FlakyPaymentProvider.Fault.VoidUnreachable;
        for (var i = 0; i < failedCancels; i++)
        {
            var result = await site.InScopeAsync(async sp => await sp.GetRequiredService<OrderCanceller>().CancelAsync((await sp.GetRequiredService<OrderTransitions>().FindAsync(order.Number, CancellationToken.None))!, "The payment was not confirmed within 24 hours.", OrderActor.System, CancellationToken.None));
            Assert.False(result.Succeeded);
        }

        payments.Next = FlakyPaymentProvider.Fault.None;
        Assert.Equal(2 + failedCancels, (await site.OrderAsync(order.Number)).Timeline.Count);
        return order.Number;
    }
}
