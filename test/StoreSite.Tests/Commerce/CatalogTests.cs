using System.Net;
using CP.Commerce.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Tests.Infrastructure;

namespace StoreSite.Tests.Commerce;

public sealed class CatalogTests
{
    [Fact]
    public async Task Catalog_lists_the_products_on_sale_with_their_lowest_price()
    {
        await using var site = TestSite.Start();

        var page = await site.CreateClient().GetDocumentAsync("/products");

        var cards = page.QuerySelectorAll(".product-card").ToDictionary(c => c.QuerySelector("h2")!.TextContent.Trim(), c => c.QuerySelector(".price")!.TextContent.Trim());
        Assert.Equal("19.99 USD", cards["Site Builder Pro"]);
        Assert.Equal("9.50 USD", cards["Backup Guard"]);
        Assert.Contains(page.QuerySelectorAll(".product-card a"), a => a.GetAttribute("href") == "/products/site-builder-pro");
    }

    [Fact]
    public async Task Product_page_shows_the_description_as_safe_html_and_each_plan_with_an_add_to_cart_form()
    {
        await using var site = TestSite.Start();

        var page = await site.CreateClient().GetDocumentAsync("/products/site-builder-pro");

        Assert.Equal("Site Builder Pro", page.Text("h1"));
        Assert.Equal("site builder", page.Text(".product-description strong"));
        Assert.Equal(3, page.QuerySelectorAll(".product-description li").Length);
        var plans = page.QuerySelectorAll("section.plan").Select(p => (Name: p.QuerySelector("h3")!.TextContent, Price: p.QuerySelector(".price")!.TextContent)).ToList();
        Assert.Equal([("Single site", "19.99 USD"), ("Agency (5 sites)", "149.00 USD")], plans);
        Assert.All(page.QuerySelectorAll("section.plan form"), f => Assert.Equal("/cart/add", f.GetAttribute("action")));
        Assert.Empty(page.QuerySelectorAll("section.plan form input[name='Price']"));
    }

    [Fact]
    public async Task Markdown_with_script_and_html_renders_as_text_never_as_markup()
    {
        await using var site = TestSite.Start();
        await site.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CommerceDbContext>();
            db.Products.Add(new CP.Commerce.Models.Product
            {
                Name = "<script>alert(1)</script>",
                Slug = "evil",
                Description = "<script>alert(2)</script> [click](javascript:alert(3)) <img src=x onerror=alert(4)>",
                Plans = [new CP.Commerce.Models.PricingPlan { Name = "<b>plan</b>", Price = 1m }],
            });
            await db.SaveChangesAsync();
        });

        using var response = await site.CreateClient().GetAsync("/products/evil");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>plan</b>", html, StringComparison.Ordinal);
        var page = await Html.ParseAsync(response);
        Assert.Equal("<script>alert(1)</script>", page.Text("h1"));
    }

    [Theory]
    [InlineData("/products/no-such-product")]
    [InlineData("/products/this-slug-is-way-too-long-to-be-a-slug-this-slug-is-way-too-long-to-be-a-slug-this-slug-is-way-too-long")]
    public async Task Unknown_product_answers_404(string url)
    {
        await using var site = TestSite.Start();

        using var response = await site.CreateClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Absurd_page_numbers_show_the_first_page()
    {
        await using var site = TestSite.Start();
        var client = site.CreateClient();

        foreach (var page in new[] { "-5", "0", "99999999", "abc" })
        {
            var document = await client.GetDocumentAsync($"/products?page={page}");
            Assert.Equal(2, document.QuerySelectorAll(".product-card").Length);
        }
    }

    [Fact]
    public async Task Header_has_products_and_cart_links_that_vanish_when_commerce_is_disabled()
    {
        await using var site = TestSite.Start();
        var client = site.CreateClient();

        var home = await client.GetDocumentAsync("/");
        Assert.NotNull(home.QuerySelector(".site-nav a[href='/products']"));
        Assert.NotNull(home.QuerySelector(".site-nav a[href='/cart']"));

        var admin = await site.AdminAsync();
        (await admin.SubmitFormAsync("/admin/modules", "form[action='/admin/modules/CP.Licensing/disable']", new Dictionary<string, string>())).Dispose();
        (await admin.SubmitFormAsync("/admin/modules", "form[action='/admin/modules/CP.Downloads/disable']", new Dictionary<string, string>())).Dispose();
        using var disable = await admin.SubmitFormAsync("/admin/modules", "form[action='/admin/modules/CP.Commerce/disable']", new Dictionary<string, string>());

        home = await client.GetDocumentAsync("/");
        Assert.Null(home.QuerySelector(".site-nav a[href='/products']"));
        using var products = await client.GetAsync("/products");
        Assert.Equal(HttpStatusCode.NotFound, products.StatusCode);
    }
}
