using System.Net;
using CP.Commerce.Checkout;
using CP.Commerce.Models;
using CP.Commerce.Orders;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Tests.Commerce;
using StoreSite.Tests.Infrastructure;
using StoreSite.Tests.Refunds;

namespace StoreSite.Tests.Discounts;

public sealed class DiscountCheckoutTests
{
    /// <summary>A customer who paid Single site + Agency with 15% off (SAVE15): 3.00 and 22.35 off, 143.64 in all.</summary>
    private static async Task<(HttpClient Customer, string Number)> PaidWithCodeAsync(TestSite site, string email = "saver@example.com", string extra = "")
    {
        await DiscountArrange.AddAsync(site, DiscountArrange.Percent("SAVE15", 15, extra));
        var customer = await site.RegisterCustomerAsync(email);
        (await customer.AddToCartAsync(Store.SiteBuilder, Store.SingleSite)).Dispose();
        (await customer.AddToCartAsync(Store.SiteBuilder, Store.Agency)).Dispose();
        await DiscountCartTests.ApplyAsync(customer, "save15");
        using var paid = await customer.CheckoutAsync();
        var location = paid.Headers.Location!.OriginalString;
        Assert.StartsWith("/checkout/done/", location, StringComparison.Ordinal);
        return (customer, location["/checkout/done/".Length..]);
    }

    /// <summary>The dashboard's revenue of the last 30 days, all currencies.</summary>
    private static Task<decimal> RevenueAsync(TestSite site) =>
        site.InScopeAsync(async sp => (await sp.GetRequiredService<SalesFigures>().ReadAsync(CancellationToken.None)).Revenue.SelectMany(c => c.Figures).Sum(f => f.Value));

    [Fact]
    public async Task The_order_keeps_each_lines_discount_and_the_code_and_charges_the_total_after_it()
    {
        await using var site = TestSite.Start();

        var (customer, number) = await PaidWithCodeAsync(site);

        var order = await site.OrderAsync(number);
        Assert.Equal((OrderStatus.Paid, "SAVE15", 143.64m), (order.Status, order.DiscountCode, order.Total));
        Assert.Equal([3.00m, 22.35m], order.Lines.OrderBy(l => l.LineNumber).Select(l => l.Discount));
        Assert.Equal([16.99m, 126.65m], order.Lines.OrderBy(l => l.LineNumber).Select(l => l.LineTotal));
        var redemption = Assert.Single(await DiscountArrange.RedemptionsAsync(site));
        Assert.Equal((order.Id, order.CustomerId, "saver@example.com", null), (redemption.OrderId, redemption.CustomerId, redemption.CustomerEmail, redemption.ReleasedAt));
        Assert.Equal(1, (await DiscountArrange.LoadAsync(site, "SAVE15")).Redeemed);
        Assert.Equal(1, site.Payments().ChargesOf(number));

        var done = await customer.GetDocumentAsync($"/checkout/done/{number}");
        var mine = await customer.GetDocumentAsync($"/account/orders/{number}");
        var admin = await (await site.AdminAsync()).GetDocumentAsync($"/admin/orders/{number}");
        foreach (var page in new[] { done, mine, admin })
        {
            Assert.Equal(["3.00 USD off with SAVE15", "22.35 USD off with SAVE15"], page.QuerySelectorAll(".order-lines .line-discount").Select(l => l.TextContent.Trim()));
            Assert.Equal("\u221225.35 USD", page.Text(".order-discount"));
            Assert.Equal("143.64 USD", page.Text(".order-total"));
        }

        var mail = Assert.Single(site.Mails(), m => m.Subject?.Contains(number, StringComparison.Ordinal) == true);
        Assert.Contains("3.00 USD off with SAVE15", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("22.35 USD off with SAVE15", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Total: 143.64 USD", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plan_limited_code_discounts_only_that_plans_line_of_the_order_and_is_refused_at_checkout_once_that_line_is_gone()
    {
        await using var site = TestSite.Start();
        await DiscountArrange.AddAsync(site, DiscountArrange.Percent("AGENCY15", 15, """, "plans": [{"product": "site-builder-pro", "plan": "Agency (5 sites)"}]"""));
        var buyer = await site.RegisterCustomerAsync("agency@example.com");
        var leaver = await site.RegisterCustomerAsync("leaver@example.com");
        foreach (var customer in new[] { buyer, leaver })
        {
            (await customer.AddToCartAsync(Store.SiteBuilder, Store.SingleSite)).Dispose();
            (await customer.AddToCartAsync(Store.SiteBuilder, Store.Agency)).Dispose();
            await DiscountCartTests.ApplyAsync(customer, "AGENCY15");
        }

        using var paid = await buyer.CheckoutAsync();
        var agency = await DiscountArrange.PlanIdAsync(site, Store.SiteBuilder, Store.Agency);
        (await leaver.SubmitFormAsync("/cart", $"tr[data-plan-id='{agency}'] form.remove-line", new Dictionary<string, string>())).Dispose();
        using var refused = await leaver.CheckoutAsync();

        var order = await site.OrderAsync(paid.Headers.Location!.OriginalString["/checkout/done/".Length..]);
        Assert.Equal(("AGENCY15", 146.64m), (order.DiscountCode, order.Total));
        Assert.Equal([0m, 22.35m], order.Lines.OrderBy(l => l.LineNumber).Select(l => l.Discount));
        Assert.Equal("/cart", refused.Headers.Location!.OriginalString);
        var cart = await leaver.GetDocumentAsync("/cart");
        Assert.StartsWith("That discount code is not for the items in your cart. Nothing was ordered", cart.Text(".notice-error"), StringComparison.Ordinal);
        Assert.Single(await site.OrdersAsync());
        Assert.Equal(1, (await DiscountArrange.LoadAsync(site, "AGENCY15")).Redeemed);
    }

    [Fact]
    public async Task A_code_used_up_between_cart_and_checkout_refuses_the_checkout_and_orders_nothing()
    {
        await using var site = TestSite.Start();
        await DiscountArrange.AddAsync(site, DiscountArrange.Percent("LAST", 10, """, "maxRedemptions": 1"""));
        var slow = await site.RegisterCustomerAsync("slow@example.com");
        var fast = await site.RegisterCustomerAsync("fast@example.com");
        foreach (var customer in new[] { slow, fast })
        {
            (await customer.AddToCartAsync(Store.SiteBuilder, Store.SingleSite)).Dispose();
            await DiscountCartTests.ApplyAsync(customer, "LAST");
        }

        var form = await slow.GetDocumentAsync("/checkout");
        using var first = await fast.CheckoutAsync();
        using var second = await slow.SubmitFormAsync(form, "form.checkout-form", new Dictionary<string, string>());

        Assert.StartsWith("/checkout/done/", first.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal("/cart", second.Headers.Location!.OriginalString);
        var cart = await slow.GetDocumentAsync("/cart");
        Assert.StartsWith("That discount code has been used up. Nothing was ordered", cart.Text(".notice-error"), StringComparison.Ordinal);
        Assert.Single(await site.OrdersAsync());
        Assert.Single(await DiscountArrange.RedemptionsAsync(site));
        Assert.Equal(1, (await DiscountArrange.LoadAsync(site, "LAST")).Redeemed);
    }

    [Fact]
    public async Task A_line_refund_keeps_the_redemption_and_refunding_the_rest_gives_it_back()
    {
        await using var site = TestSite.Start();
        var (_, number) = await PaidWithCodeAsync(site, extra: """, "maxPerCustomer": 1""");
        var admin = await site.AdminAsync();
        Assert.Equal(143.64m, await RevenueAsync(site));

        using (var line = await RefundArrange.RefundLinesAsync(admin, number, "first line", 1))
        {
            Assert.Equal(HttpStatusCode.Redirect, line.StatusCode);
        }

        var partly = await site.OrderAsync(number);
        Assert.Equal((OrderStatus.PartiallyRefunded, 16.99m), (partly.Status, partly.Lines.Single(l => l.LineNumber == 1).RefundedAmount!.Value));
        Assert.Equal(16.99m, site.Payments().RefundCalls.Single().Amount);
        Assert.Equal(1, (await DiscountArrange.LoadAsync(site, "SAVE15")).Redeemed);
        Assert.Null(Assert.Single(await DiscountArrange.RedemptionsAsync(site)).ReleasedAt);
        Assert.Equal(126.65m, await RevenueAsync(site));

        (await RefundArrange.RefundLinesAsync(admin, number, "the rest", 2)).Dispose();

        Assert.Equal(OrderStatus.Refunded, (await site.OrderAsync(number)).Status);
        Assert.Equal(126.65m, site.Payments().RefundCalls[1].Amount);
        Assert.Equal(0, (await DiscountArrange.LoadAsync(site, "SAVE15")).Redeemed);
        Assert.NotNull(Assert.Single(await DiscountArrange.RedemptionsAsync(site)).ReleasedAt);
    }

    [Fact]
    public async Task A_whole_refund_gives_the_redemption_back_so_the_customer_may_use_the_code_again()
    {
        await using var site = TestSite.Start();
        var (customer, number) = await PaidWithCodeAsync(site, extra: """, "maxPerCustomer": 1""");
        var admin = await site.AdminAsync();

        using var refund = await admin.SubmitFormAsync($"/admin/orders/{number}/refund", "form.refund-form", new Dictionary<string, string> { ["Reason"] = "whole" });

        Assert.Equal(OrderStatus.Refunded, (await site.OrderAsync(number)).Status);
        Assert.Equal(143.64m, site.Payments().RefundCalls.Single().Amount);
        Assert.Equal(0, (await DiscountArrange.LoadAsync(site, "SAVE15")).Redeemed);
        (await customer.AddToCartAsync(Store.SiteBuilder, Store.SingleSite)).Dispose();
        var cart = await DiscountCartTests.ApplyAsync(customer, "SAVE15");
        Assert.Equal("Discount code SAVE15 applied.", cart.Text(".notice-success"));
    }

    [Fact]
    public async Task A_declined_payment_gives_the_redemption_back()
    {
        await using var site = TestSite.Start();
        await DiscountArrange.AddAsync(site, DiscountArrange.Percent("DECLINE", 10, """, "maxRedemptions": 1"""));
        var customer = await site.RegisterCustomerAsync("declined@example.com");
        (await customer.AddToCartAsync(Store.SiteBuilder, Store.SingleSite)).Dispose();
        await DiscountCartTests.ApplyAsync(customer, "DECLINE");

        (await customer.CheckoutAsync(simulateDecline: true)).Dispose();

        Assert.Equal(OrderStatus.PaymentFailed, Assert.Single(await site.OrdersAsync()).Status);
        Assert.Equal(0, (await DiscountArrange.LoadAsync(site, "DECLINE")).Redeemed);
        using var paid = await customer.CheckoutAsync();
        Assert.StartsWith("/checkout/done/", paid.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(1, (await DiscountArrange.LoadAsync(site, "DECLINE")).Redeemed);
    }
}
