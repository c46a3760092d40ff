using System.Net;
using CP.Commerce.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Tests.Infrastructure;

namespace StoreSite.Tests.Commerce;

public sealed class CartTests
{
    [Fact]
    public async Task Adding_changing_and_removing_lines_keeps_exact_totals()
    {
        await using var site = TestSite.Start();
        var client = site.CreateClient();

        using var added = await client.AddToCartAsync(Store.SiteBuilder, Store.SingleSite, 3);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal("/cart", added.Headers.Location?.OriginalString);
        var cart = await client.GetDocumentAsync("/cart");
        Assert.Equal("59.97 USD", cart.Text(".cart-total"));
        Assert.Contains("Added Site Builder Pro – Single site", cart.Text(".notice-success"), StringComparison.Ordinal);

        (await client.AddToCartAsync("backup-guard", "Personal", 2)).Dispose();
        cart = await client.GetDocumentAsync("/cart");
        Assert.Equal("78.97 USD", cart.Text(".cart-total"));

        var singleSite = await site.PlanIdAsync(Store.SiteBuilder, Store.SingleSite);
        (await client.SubmitFormAsync("/cart", $"tr[data-plan-id='{singleSite}'] form.update-quantity", new Dictionary<string, string> { ["Quantity"] = "10" })).Dispose();
        cart = await client.GetDocumentAsync("/cart");
        Assert.Equal("199.90 USD", cart.Text($"tr[data-plan-id='{singleSite}'] .line-total"));
        Assert.Equal("218.90 USD", cart.Text(".cart-total"));

        (await client.SubmitFormAsync("/cart", $"tr[data-plan-id='{singleSite}'] form.remove-line", new Dictionary<string, string>())).Dispose();
        cart = await client.GetDocumentAsync("/cart");
        Assert.Null(cart.QuerySelector($"tr[data-plan-id='{singleSite}']"));
        Assert.Equal("19.00 USD", cart.Text(".cart-total"));
        var header = await client.GetDocumentAsync("/");
        Assert.Equal("Cart (2)", header.Text(".cart-link"));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("101")]
    [InlineData("99999999999999999999")]
    [InlineData("abc")]
    public async Task Bad_quantities_are_refused_with_a_message_and_the_cart_is_unchanged(string quantity)
    {
        await using var site = TestSite.Start();
        var client = site.CreateClient();
        (await client.AddToCartAsync(Store.SiteBuilder, Store.SingleSite, 2)).Dispose();
        var planId = await site.PlanIdAsync(Store.SiteBuilder, Store.SingleSite);

        using var add = await client.SubmitFormAsync($"/products/{Store.SiteBuilder}", $"section.plan[data-plan-id='{planId}'] form", new Dictionary<string, string> { ["Quantity"] = quantity });
        using var update = await client.SubmitFormAsync("/cart", $"tr[data-plan-id='{planId}'] form.update-quantity", new Dictionary<string, string> { ["Quantity"] = quantity });

        Assert.Equal(HttpStatusCode.Redirect, add.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, update.StatusCode);
        var cart = await client.GetDocumentAsync("/cart");
        Assert.Equal("Enter a quantity between 1 and 100.", cart.Text(".notice-error"));
        Assert.Equal("39.98 USD", cart.Text(".cart-total"));
    }

    [Fact]
    public async Task Adding_past_100_of_a_plan_is_refused()
    {
        await using var site = TestSite.Start();
        var client = site.CreateClient();
        (await client.AddToCartAsync(Store.SiteBuilder, Store.SingleSite, 60)).Dispose();

        (await client.AddToCartAsync(Store.SiteBuilder, Store.SingleSite, 41)).Dispose();

        var cart = await client.GetDocumentAsync("/cart");
        Assert.Equal("You can buy at most 100 of one plan in an order.", cart.Text(".notice-error"));
        Assert.Equal("1,199.40 USD", cart.Text(".cart-total"));
    }

    [Theory]
    [InlineData("999999")]
    [InlineData("-1")]
    [InlineData("x")]
    public async Task Unknown_plan_ids_are_refused_with_a_message(string planId)
    {
        await using var site = TestSite.Start();
        var client = site.CreateClient();

        using var response = await client.SubmitFormAsync($"/products/{Store.SiteBuilder}", "section.plan form", new Dictionary<string, string> { ["PlanId"] = planId });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cart = await client.GetDocumentAsync("/cart");
        Assert.Equal("That plan is not available.", cart.Text(".notice-error"));
        Assert.NotNull(cart.QuerySelector(".empty-cart"));
    }

    [Fact]
    public async Task A_tampered_price_in_the_form_is_ignored_the_price_comes_from_the_database()
    {
        await using var site = TestSite.Start();
        var client = site.CreateClient();

        (await client.SubmitFormAsync($"/products/{Store.SiteBuilder}", "section.plan form", new Dictionary<string, string> { ["Price"] = "0.01", ["UnitPrice"] = "0.01", ["Quantity"] = "2" })).Dispose();

        var cart = await client.GetDocumentAsync("/cart");
        Assert.Equal("39.98 USD", cart.Text(".cart-total"));
    }

    [Fact]
    public async Task A_plan_that_becomes_inactive_cannot_be_added_and_is_flagged_in_the_cart()
    {
        await using var site = TestSite.Start();
        var client = site.CreateClient();
        (await client.AddToCartAsync(Store.SiteBuilder, Store.SingleSite, 1)).Dispose();
        var product = await client.GetDocumentAsync($"/products/{Store.SiteBuilder}");
        var admin = await site.AdminAsync();
        var planId = await site.PlanIdAsync(Store.SiteBuilder, Store.SingleSite);
        var productId = await site.InScopeAsync(sp => sp.GetRequiredService<CommerceDbContext>().Plans.Where(p => p.Id == planId).Select(p => p.ProductId).SingleAsync());
        (await admin.SubmitFormAsync($"/admin/products/{productId}/plans/{planId}", "form.plan-form", new Dictionary<string, string> { ["IsActive"] = "false" })).Dispose();

        using var add = await client.SubmitFormAsync(product, $"section.plan[data-plan-id='{planId}'] form", new Dictionary<string, string>());

        var cart = await client.GetDocumentAsync("/cart");
        Assert.Equal("That plan is not available.", cart.Text(".notice-error"));
        Assert.Contains("No longer available", cart.Text($"tr[data-plan-id='{planId}']"), StringComparison.Ordinal);
        Assert.Equal("0.00 USD", cart.Text(".cart-total"));
    }

    [Fact]
    public async Task A_tampered_cart_cookie_is_an_empty_cart()
    {
        await using var site = TestSite.Start();
        var client = site.CreateClient();
        client.DefaultRequestHeaders.Add("Cookie", ".StoreSite.Cart=not-a-protected-value");

        var cart = await client.GetDocumentAsync("/cart");

        Assert.NotNull(cart.QuerySelector(".empty-cart"));
    }
}
