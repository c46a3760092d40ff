using System.Net;
using CP.Commerce.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Tests.Infrastructure;

namespace StoreSite.Tests.Commerce;

public sealed class OrderAccessTests
{
    [Fact]
    public async Task Customers_see_only_their_own_orders_and_another_customers_number_answers_404()
    {
        await using var site = TestSite.Start();
        var (alice, aliceOrder) = await site.PaidOrderAsync("alice@example.com");
        var (bob, bobOrder) = await site.PaidOrderAsync("bob@example.com", quantity: 2);

        var aliceList = await alice.GetDocumentAsync("/account/orders");
        Assert.Equal([aliceOrder], aliceList.QuerySelectorAll("tr[data-order]").Select(r => r.GetAttribute("data-order")));
        var mine = await alice.GetDocumentAsync($"/account/orders/{aliceOrder}");
        Assert.Equal("19.99 USD", mine.Text(".order-total"));

        foreach (var url in new[] { $"/account/orders/{bobOrder}", $"/checkout/done/{bobOrder}", "/account/orders/SO-0000-000000", $"/account/orders/{new string('9', 300)}" })
        {
            using var response = await alice.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        using var own = await bob.GetAsync($"/account/orders/{bobOrder}");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task The_account_dashboard_links_to_the_customers_orders()
    {
        await using var site = TestSite.Start();
        var (client, number) = await site.PaidOrderAsync("dashboard@example.com");

        var account = await client.GetDocumentAsync("/account");

        Assert.NotNull(account.QuerySelector(".zone .account-orders a[href='/account/orders']"));
        Assert.NotNull(account.QuerySelector($".account-orders a[href='/account/orders/{number}']"));
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_for_orders_checkout_and_admin_pages()
    {
        await using var site = TestSite.Start();
        var client = site.CreateClient();

        foreach (var url in new[] { "/account/orders", "/account/orders/SO-2026-000001", "/checkout", "/checkout/done/SO-2026-000001", "/admin/orders", "/admin/orders/SO-2026-000001", "/admin/orders/SO-2026-000001/refund", "/admin/orders/SO-2026-000001/cancel", "/admin/payments", "/admin/products", "/admin/products/new", "/admin/products/1", "/admin/products/1/plans/new" })
        {
            using var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/account/login", response.Target()?.AbsolutePath);
        }
    }

    [Fact]
    public async Task Admin_pages_are_forbidden_to_customers()
    {
        await using var site = TestSite.Start();
        var (customer, number) = await site.PaidOrderAsync("nosy@example.com");
        var productId = await site.InScopeAsync(sp => sp.GetRequiredService<CommerceDbContext>().Products.Select(p => p.Id).FirstAsync());

        foreach (var url in new[] { "/admin/orders", $"/admin/orders/{number}", $"/admin/orders/{number}/refund", $"/admin/orders/{number}/cancel", "/admin/payments", "/admin/products", "/admin/products/new", $"/admin/products/{productId}", $"/admin/products/{productId}/plans/new" })
        {
            using var response = await customer.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"GET {url} answered {(int)response.StatusCode}");
        }

        var token = Html.AntiforgeryToken(await customer.GetDocumentAsync("/account/orders"));
        using var refund = await customer.PostAsync($"/admin/orders/{number}/refund", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Reason"] = "free money" }));
        Assert.Equal(HttpStatusCode.Forbidden, refund.StatusCode);
        Assert.Equal(0, site.Payments().RefundRequestsOf(number));
    }

    [Fact]
    public async Task Admin_menu_shows_orders_and_products()
    {
        await using var site = TestSite.Start();
        var admin = await site.AdminAsync();

        var dashboard = await admin.GetDocumentAsync("/admin");

        Assert.NotNull(dashboard.QuerySelector(".admin-menu a[href='/admin/orders']"));
        Assert.NotNull(dashboard.QuerySelector(".admin-menu a[href='/admin/products']"));
    }

    [Fact]
    public async Task Every_commerce_post_without_an_antiforgery_token_answers_400()
    {
        await using var site = TestSite.Start();
        var (_, number) = await site.PaidOrderAsync("csrf@example.com");
        var admin = await site.AdminAsync();
        (await admin.AddToCartAsync(Store.SiteBuilder, Store.SingleSite)).Dispose();
        var productId = await site.InScopeAsync(sp => sp.GetRequiredService<CommerceDbContext>().Products.Select(p => p.Id).FirstAsync());
        var planId = await site.PlanIdAsync(Store.SiteBuilder, Store.SingleSite);

        foreach (var url in new[]
        {
            "/cart/add", "/cart/update", "/cart/remove", "/checkout", "/admin/payments",
            $"/admin/orders/{number}/refund", $"/admin/orders/{number}/cancel", $"/admin/orders/{number}/finish-refund", $"/admin/orders/{number}/finish-payment",
            "/admin/products/new", $"/admin/products/{productId}", $"/admin/products/{productId}/archive", $"/admin/products/{productId}/restore",
            $"/admin/products/{productId}/plans/new", $"/admin/products/{productId}/plans/{planId}",
        })
        {
            using var response = await admin.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["PlanId"] = planId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Quantity"] = "1", ["Reason"] = "x", ["Name"] = "x" }));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"POST {url} answered {(int)response.StatusCode}");
        }

        Assert.Equal(CP.Commerce.Models.OrderStatus.Paid, (await site.OrderAsync(number)).Status);
    }
}
