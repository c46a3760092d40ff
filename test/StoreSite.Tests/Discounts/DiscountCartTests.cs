using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using StoreSite.Tests.Commerce;
using StoreSite.Tests.Host.Support;
using StoreSite.Tests.Infrastructure;
using StoreSite.Tests.Renewals;

namespace StoreSite.Tests.Discounts;

public sealed class DiscountCartTests
{
    /// <summary>Enters <paramref name="code"/> in the cart: the cart after the redirect when it is kept, the cart shown again with the reason next to the field when it is refused.</summary>
    internal static async Task<IDocument> ApplyAsync(HttpClient client, string code)
    {
        using var response = await client.SubmitFormAsync("/cart", "form.discount-form", new Dictionary<string, string> { ["Code"] = code });
        if (response.StatusCode == HttpStatusCode.OK)
        {
            return await Html.ParseAsync(response);
        }

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await client.GetDocumentAsync("/cart");
    }

    private static string Day(TestSite site, int days) =>
        DateOnly.FromDateTime(site.Clock.GetUtcNow().UtcDateTime).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_percent_code_typed_in_any_case_shows_each_lines_discount_and_is_kept_with_the_cart()
    {
        await using var site = TestSite.Start();
        await DiscountArrange.AddAsync(site, DiscountArrange.Percent("SAVE15", 15));
        var client = site.CreateClient();
        (await client.AddToCartAsync(Store.SiteBuilder, Store.SingleSite)).Dispose();
        (await client.AddToCartAsync(Store.SiteBuilder, Store.Agency)).Dispose();

        var cart = await ApplyAsync(client, "  save15 ");

        Assert.Equal("Discount code SAVE15 applied.", cart.Text(".notice-success"));
        var lines = cart.QuerySelectorAll("tr[data-plan-id]");
        Assert.Equal(["3.00 USD off with SAVE15", "22.35 USD off with SAVE15"], lines.Select(l => l.QuerySelector(".line-discount")!.TextContent.Trim()));
        Assert.Equal("16.99 USD", lines[0].QuerySelector(".line-total")!.ChildNodes[0].TextContent.Trim());
        Assert.Equal("168.99 USD", cart.Text(".cart-subtotal"));
        Assert.Equal("\u221225.35 USD", cart.Text(".cart-discount"));
        Assert.Equal("143.64 USD", cart.Text(".cart-total"));
        var again = await client.GetDocumentAsync("/cart");
        Assert.Equal("143.64 USD", again.Text(".cart-total"));

        using var removed = await client.SubmitFormAsync("/cart", "form.remove-discount", new Dictionary<string, string>());
        var without = await client.GetDocumentAsync("/cart");
        Assert.Equal("168.99 USD", without.Text(".cart-total"));
        Assert.NotNull(without.QuerySelector("form.discount-form"));
    }

    [Fact]
    public async Task A_fixed_amount_is_taken_off_the_order_once_spread_over_its_lines()
    {
        await using var site = TestSite.Start();
        await DiscountArrange.AddAsync(site, DiscountArrange.Amount("TENOFF", 10m));
        var client = site.CreateClient();
        (await client.AddToCartAsync(Store.SiteBuilder, Store.SingleSite)).Dispose();
        (await client.AddToCartAsync(Store.SiteBuilder, Store.Agency)).Dispose();

        var cart = await ApplyAsync(client, "TENOFF");

        Assert.Equal(["1.18 USD off with TENOFF", "8.82 USD off with TENOFF"], cart.QuerySelectorAll(".line-discount").Select(l => l.TextContent.Trim()));
        Assert.Equal("158.99 USD", cart.Text(".cart-total"));
    }

    [Theory]
    [InlineData("NOPE", "", "That discount code does not exist. Check its spelling.")]
    [InlineData("<script>alert(1)</script>", "", "That discount code does not exist. Check its spelling.")]
    [InlineData("OFF", """, "active": false""", "That discount code is no longer active.")]
    [InlineData("SOON", """, "validFrom": "{tomorrow}" """, "That discount code is not valid yet.")]
    [InlineData("GONE", """, "validUntil": "{yesterday}" """, "That discount code has expired.")]
    [InlineData("OTHER", """, "products": ["backup-guard"]""", "That discount code is not for the items in your cart.")]
    [InlineData("RENEWONLY", """, "appliesTo": "renewals" """, "That discount code is not for the items in your cart.")]
    [InlineData("AGENCYONLY", """, "plans": [{"product": "site-builder-pro", "plan": "Agency (5 sites)"}]""", "That discount code is not for the items in your cart.")]
    [InlineData("OTHERPLAN", """, "products": ["backup-guard"], "plans": [{"product": "backup-guard", "plan": "Personal"}]""", "That discount code is not for the items in your cart.")]
    [InlineData("FULL", """, "maxRedemptions": 1""", "That discount code has been used up.")]
    [InlineData("ONCE", """, "maxPerCustomer": 1""", "You have already used that discount code as often as one customer may.")]
    public async Task A_refused_code_says_why_and_is_not_kept(string code, string extra, string message)
    {
        await using var site = TestSite.Start();
        await DiscountArrange.AddAsync(site, DiscountArrange.Percent(extra.Length == 0 ? "UNUSED" : code, 10, extra.Replace("{tomorrow}", Day(site, 1), StringComparison.Ordinal).Replace("{yesterday}", Day(site, -1), StringComparison.Ordinal)));
        var client = await site.RegisterCustomerAsync("refused@example.com");
        if (code is "FULL" or "ONCE")
        {
            (await client.AddToCartAsync(Store.SiteBuilder, Store.SingleSite)).Dispose();
            await ApplyAsync(client, code);
            using var paid = await client.CheckoutAsync();
            Assert.StartsWith("/checkout/done/", paid.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        (await client.AddToCartAsync(Store.SiteBuilder, Store.SingleSite)).Dispose();

        var cart = await ApplyAsync(client, code);

        Assert.Equal(message, Html.FieldError(cart, "Code"));
        Assert.Equal("true", cart.QuerySelector("#discount-code")!.GetAttribute("aria-invalid"));
        Assert.Null(cart.QuerySelector(".notice-error"));
        Assert.NotNull(cart.QuerySelector("form.discount-form"));
        Assert.Empty(cart.QuerySelectorAll(".line-discount"));
        Assert.Equal("19.99 USD", cart.Text(".cart-total"));
        var after = await client.GetDocumentAsync("/cart");
        Assert.Empty(Html.FieldError(after, "Code"));
        Assert.Empty(after.QuerySelectorAll(".line-discount"));
    }

    [Fact]
    public async Task A_code_for_a_plan_takes_off_only_the_lines_of_that_plan()
    {
        await using var site = TestSite.Start();
        await DiscountArrange.AddAsync(site, DiscountArrange.Percent("AGENCY15", 15, """, "plans": [{"product": "site-builder-pro", "plan": "Agency (5 sites)"}]"""));
        var client = site.CreateClient();
        (await client.AddToCartAsync(Store.SiteBuilder, Store.SingleSite)).Dispose();
        (await client.AddToCartAsync(Store.SiteBuilder, Store.Agency)).Dispose();

        var cart = await ApplyAsync(client, "agency15");

        Assert.Equal("Discount code AGENCY15 applied.", cart.Text(".notice-success"));
        Assert.Equal([null, "22.35 USD off with AGENCY15"], cart.QuerySelectorAll("tr[data-plan-id]").Select(l => l.QuerySelector(".line-discount")?.TextContent.Trim()));
        Assert.Equal("\u221222.35 USD", cart.Text(".cart-discount"));
        Assert.Equal("146.64 USD", cart.Text(".cart-total"));
    }

    [Fact]
    public async Task A_code_for_a_product_and_a_plan_of_another_takes_off_the_lines_of_either()
    {
        await using var site = TestSite.Start();
        await DiscountArrange.AddAsync(site, DiscountArrange.Percent("COMBO", 10, """, "products": ["backup-guard"], "plans": [{"product": "site-builder-pro", "plan": "Single site"}]"""));
        var client = site.CreateClient();
        (await client.AddToCartAsync(Store.SiteBuilder, Store.SingleSite)).Dispose();
        (await client.AddToCartAsync(Store.SiteBuilder, Store.Agency)).Dispose();
        (await client.AddToCartAsync("backup-guard", "Personal")).Dispose();
        (await client.AddToCartAsync("backup-guard", "Lifetime (unlimited sites)")).Dispose();

        var cart = await ApplyAsync(client, "COMBO");

        Assert.Equal(["2.00 USD off with COMBO", null, "0.95 USD off with COMBO", "4.90 USD off with COMBO"], cart.QuerySelectorAll("tr[data-plan-id]").Select(l => l.QuerySelector(".line-discount")?.TextContent.Trim()));
        Assert.Equal("219.64 USD", cart.Text(".cart-total")); // 227.49 - 7.85
    }

    [Fact]
    public async Task A_code_that_expires_while_kept_in_the_cart_says_so_there_and_checkout_refuses_it()
    {
        await using var site = TestSite.Start();
        await DiscountArrange.AddAsync(site, DiscountArrange.Percent("TODAY", 10, $$""", "validUntil": "{{Day(site, 0)}}" """));
        var client = await site.RegisterCustomerAsync("late@example.com");
        (await client.AddToCartAsync(Store.SiteBuilder, Store.SingleSite)).Dispose();
        await ApplyAsync(client, "TODAY");
        site.Clock.Advance(TimeSpan.FromDays(1));

        var cart = await client.GetDocumentAsync("/cart");
        using var checkout = await client.CheckoutAsync();

        Assert.Equal("That discount code has expired.", cart.Text(".discount-refusal"));
        Assert.Equal("19.99 USD", cart.Text(".cart-total"));
        Assert.Equal("/cart", checkout.Headers.Location!.OriginalString);
        var after = await client.GetDocumentAsync("/cart");
        Assert.StartsWith("That discount code has expired.", after.Text(".notice-error"), StringComparison.Ordinal);
        Assert.Empty(await site.OrdersAsync());
    }

    [Fact]
    public async Task An_empty_code_asks_for_one_and_an_empty_cart_takes_none()
    {
        await using var site = TestSite.Start();
        var client = site.CreateClient();
        (await client.AddToCartAsync(Store.SiteBuilder, Store.SingleSite)).Dispose();

        var empty = await ApplyAsync(client, "   ");

        Assert.Equal("Enter a discount code.", Html.FieldError(empty, "Code"));
    }

    [Fact]
    public async Task A_renewal_only_code_takes_off_the_renewal_line_and_leaves_the_new_purchase()
    {
        await using var site = TestSite.Start();
        await DiscountArrange.AddAsync(site, DiscountArrange.Percent("RENEW20", 20, """, "appliesTo": "renewals" """));
        var (customer, _, keys) = await RenewalArrange.BuyAsync(site, "renew-discount@example.com");
        (await RenewalArrange.RenewFromListAsync(customer, keys[0].Id)).Dispose();
        (await customer.AddToCartAsync(Store.SiteBuilder, Store.Agency)).Dispose();

        var cart = await ApplyAsync(customer, "renew20");

        var renewal = cart.QuerySelector($"tr[data-license-id='{keys[0].Id}']")!;
        Assert.Equal("4.00 USD off with RENEW20", renewal.QuerySelector(".line-discount")!.TextContent.Trim());
        Assert.Single(cart.QuerySelectorAll(".line-discount"));
        Assert.Equal((19.99m - 4.00m + 149.00m).ToString("N2", CultureInfo.InvariantCulture) + " USD", cart.Text(".cart-total"));
    }

    [Fact]
    public async Task In_yen_a_percent_rounds_to_whole_yen_and_an_amount_with_decimals_is_refused()
    {
        await using var site = TestSite.Start();
        var result = await site.RunRecipeAsync("""{"name": "yen", "steps": [{"name": "Settings", "Currency": "JPY"}]}""");
        Assert.True(result.Succeeded, result.Error);
        await DiscountArrange.AddAsync(site, DiscountArrange.Percent("YEN15", 15));
        var refused = await site.RunRecipeAsync("""{"name": "yen", "steps": [{"name": "Discounts", "discounts": [{"code": "HALFYEN", "amount": 10.50}]}]}""");
        var client = site.CreateClient();
        (await client.AddToCartAsync(Store.SiteBuilder, Store.Agency)).Dispose();

        var cart = await ApplyAsync(client, "YEN15");

        Assert.Contains("JPY has no minor unit", refused.Error, StringComparison.Ordinal);
        Assert.Equal("22 JPY off with YEN15", cart.Text(".line-discount")); // 22.35 -> 22
        Assert.Equal("127 JPY", cart.Text(".cart-total"));
    }
}
