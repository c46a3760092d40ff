using CP.Commerce.Data;
using CP.Commerce.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Tests.Infrastructure;
using StoreSite.Web.Recipes;

namespace StoreSite.Tests.Commerce;

public sealed class ProductsRecipeTests
{
    private static Task<RecipeResult> RunAsync(TestSite site, string steps) =>
        site.InScopeAsync(sp => sp.GetRequiredService<RecipeExecutor>().ExecuteAsync($$"""{"name": "test", "steps": [{{steps}}]}""", CancellationToken.None));

    private static Task<List<string>> ProductNamesAsync(TestSite site) =>
        site.InScopeAsync(sp => sp.GetRequiredService<CommerceDbContext>().Products.OrderBy(p => p.Id).Select(p => p.Name).ToListAsync());

    [Fact]
    public async Task The_store_recipe_adds_two_sample_products_with_exact_prices()
    {
        await using var site = TestSite.Start();

        var plans = await site.InScopeAsync(sp => sp.GetRequiredService<CommerceDbContext>().Plans.Include(p => p.Product).OrderBy(p => p.Id).ToListAsync());

        Assert.Equal(["Site Builder Pro", "Backup Guard"], plans.Select(p => p.Product!.Name).Distinct());
        Assert.Equal([19.99m, 149.00m, 9.50m, 49.00m], plans.Select(p => p.Price));
        Assert.All(plans, p => Assert.True(p.IsActive && p.Product!.IsActive));
        Assert.All(plans, p => Assert.NotEmpty(p.Product!.Summary));
    }

    [Fact]
    public async Task Products_step_reads_the_summary_and_refuses_a_long_one_naming_the_field()
    {
        await using var site = TestSite.Start();

        var imported = await RunAsync(site, """{"name": "Products", "products": [{"name": "Sum One", "summary": " Short\nand sweet ", "plans": [{"name": "p", "price": 1}]}]}""");
        var refused = await RunAsync(site, $$"""{"name": "Products", "products": [{"name": "Sum Two", "summary": "{{new string('x', 301)}}", "plans": [{"name": "p", "price": 1}]}]}""");
        var notText = await RunAsync(site, """{"name": "Products", "products": [{"name": "Sum Three", "summary": 5, "plans": [{"name": "p", "price": 1}]}]}""");

        Assert.True(imported.Succeeded, imported.Error);
        Assert.Equal("Short and sweet", await site.InScopeAsync(sp => sp.GetRequiredService<CommerceDbContext>().Products.Where(p => p.Slug == "sum-one").Select(p => p.Summary).SingleAsync()));
        Assert.False(refused.Succeeded);
        Assert.Contains("products[0].summary", refused.Error, StringComparison.Ordinal);
        Assert.Contains("300", refused.Error, StringComparison.Ordinal);
        Assert.False(notText.Succeeded);
        Assert.Contains("products[0].summary", notText.Error, StringComparison.Ordinal);
        Assert.Equal(0, await site.InScopeAsync(sp => sp.GetRequiredService<CommerceDbContext>().Products.CountAsync(p => p.Slug == "sum-two" || p.Slug == "sum-three")));
    }

    [Fact]
    public async Task Products_step_creates_products_with_generated_slugs_and_hands_extension_settings_to_their_module()
    {
        var seats = new TestPlanExtension();
        await using var site = TestSite.Start(o => o.Services = s => s.AddSingleton<IPlanEditorExtension>(seats));

        var result = await RunAsync(site, """
            {"name": "Products", "products": [
              {"name": "Théme Studio 2", "description": "*Nice*", "plans": [
                {"name": "Solo", "price": "12.50", "seats": {"seats": 1}},
                {"name": "Team", "price": 99.99, "active": false, "SEATS": {"seats": 10}}
              ]},
              {"name": "Hidden thing", "slug": "hidden-thing", "active": false, "plans": [{"name": "Only", "price": 0}]}
            ]}
            """);

        Assert.True(result.Succeeded, result.Error);
        var products = await site.InScopeAsync(sp => sp.GetRequiredService<CommerceDbContext>().Products.Include(p => p.Plans).Where(p => p.Slug != "site-builder-pro" && p.Slug != "backup-guard").OrderBy(p => p.Id).ToListAsync());
        Assert.Equal(["theme-studio-2", "hidden-thing"], products.Select(p => p.Slug));
        Assert.False(products[1].IsActive);
        var team = products[0].Plans.Single(p => p.Name == "Team");
        Assert.Equal((99.99m, false), (team.Price, team.IsActive));
        Assert.Equal(10, seats.Saved[team.Id].Seats);
        Assert.Equal(1, seats.Saved[products[0].Plans.Single(p => p.Name == "Solo").Id].Seats);

        var page = await site.CreateClient().GetDocumentAsync("/products/theme-studio-2");
        Assert.Equal("1 seats", page.Text("section.plan .plan-detail"));
    }

    [Theory]
    [InlineData("""{"name": "A", "plans": [{"name": "p", "price": 1}, {"name": "q", "price": 2, "foo": {}}]}""", "products[1].plans[1].foo", "Unknown plan setting 'foo'")]
    [InlineData("""{"name": "A", "plans": [{"name": "p", "price": 1, "seats": {"seats": 0}}]}""", "products[1].plans[0].seats.seats", "between 1 and 500")]
    [InlineData("""{"name": "A", "plans": [{"name": "p", "price": 1.999}]}""", "products[1].plans[0].price", "at most two decimals")]
    [InlineData("""{"name": "A", "plans": [{"name": "p", "price": -1}]}""", "products[1].plans[0].price", "between 0 and 1,000,000")]
    [InlineData("""{"name": "A", "summary": ["<script>"], "plans": [{"name": "p", "price": 1}]}""", "products[1].summary", "")]
    [InlineData("""{"name": "A", "summary": {"a": 1}, "plans": [{"name": "p", "price": 1}]}""", "products[1].summary", "")]
    [InlineData("""{"name": "A", "plans": [{"name": "p"}]}""", "products[1].plans[0].price", "is required")]
    [InlineData("""{"name": "A", "plans": [{"name": "p", "price": "9,50"}]}""", "products[1].plans[0].price", "Write a point before the cents: 9.50.")]
    [InlineData("""{"name": "A", "plans": [{"name": "p", "price": "1.000,00"}]}""", "products[1].plans[0].price", "Write a point before the cents: 1,000.00.")]
    [InlineData("""{"name": "A", "plans": [{"name": "p", "price": "9.999"}]}""", "products[1].plans[0].price", "at most two decimals")]
    [InlineData("""{"name": "A", "plans": [{"name": "p", "price": "-1"}]}""", "products[1].plans[0].price", "without a sign")]
    [InlineData("""{"name": "A", "plans": [{"name": "p", "price": "1e3"}]}""", "products[1].plans[0].price", "Use only digits")]
    [InlineData("""{"name": "A", "plans": [{"name": "p", "price": " "}]}""", "products[1].plans[0].price", "is required")]
    [InlineData("""{"name": "A", "plans": [{"name": "p", "price": "1000000.01"}]}""", "products[1].plans[0].price", "at most 1,000,000.00")]
    [InlineData("""{"name": "A", "plans": [{"name": "p", "price": true}]}""", "products[1].plans[0].price", "must be a number")]
    [InlineData("""{"name": "A", "plans": [{"name": "p", "price": [9.5]}]}""", "products[1].plans[0].price", "must be a number")]
    [InlineData("""{"name": "A", "plans": [{"name": "p", "price": 1e30}]}""", "products[1].plans[0].price", "between 0 and 1,000,000")]
    [InlineData("""{"name": "A", "plans": []}""", "products[1].plans", "at least one plan")]
    [InlineData("""{"name": "A", "slug": "Bad Slug", "plans": [{"name": "p", "price": 1}]}""", "products[1].slug", "lower-case")]
    [InlineData("""{"name": "A", "slug": "site-builder-pro", "plans": [{"name": "p", "price": 1}]}""", "products[1].slug", "already exists")]
    [InlineData("""{"name": "A", "colour": "red", "plans": [{"name": "p", "price": 1}]}""", "products[1].colour", "Unknown product field")]
    public async Task A_bad_product_stops_the_recipe_naming_the_field_and_nothing_is_applied(string badProduct, string field, string problem)
    {
        var seats = new TestPlanExtension();
        await using var site = TestSite.Start(o => o.Services = s => s.AddSingleton<IPlanEditorExtension>(seats));

        var result = await RunAsync(site, $$$"""
            {"name": "Settings", "SiteName": "Changed"},
            {"name": "Products", "products": [
              {"name": "Good one", "plans": [{"name": "Basic", "price": 5, "seats": {"seats": 3}}]},
              {{{badProduct}}}
            ]}
            """);

        Assert.False(result.Succeeded);
        Assert.Contains($"field '{field}'", result.Error, StringComparison.Ordinal);
        Assert.Contains(problem, result.Error, StringComparison.Ordinal);
        Assert.Equal(["Site Builder Pro", "Backup Guard"], await ProductNamesAsync(site));
        var siteName = await site.InScopeAsync(sp => sp.GetRequiredService<StoreSite.Settings.ISiteSettingsStore>().GetAsync<StoreSite.Settings.SiteSettings>("Site", CancellationToken.None));
        Assert.Equal("Test Store", siteName.SiteName);
    }

    [Theory]
    [InlineData("\"1,000.00\"", "1000.00")]
    [InlineData("\"9.5\"", "9.50")]
    [InlineData("\" 19.99 \"", "19.99")]
    [InlineData("\"0\"", "0.00")]
    [InlineData("1000", "1000.00")]
    [InlineData("1e3", "1000.00")]
    [InlineData("9.5", "9.50")]
    public async Task A_price_is_a_JSON_number_or_a_string_by_the_plan_editors_money_rule(string price, string saved)
    {
        await using var site = TestSite.Start();

        var result = await RunAsync(site, $$"""
            {"name": "Products", "products": [{"name": "Priced", "plans": [{"name": "p", "price": {{price}}}]}]}
            """);

        Assert.True(result.Succeeded, result.Error);
        var stored = await site.InScopeAsync(sp => sp.GetRequiredService<CommerceDbContext>().Plans.Where(p => p.Product!.Name == "Priced").Select(p => p.Price).SingleAsync());
        Assert.Equal(decimal.Parse(saved, System.Globalization.CultureInfo.InvariantCulture), stored);
    }

    [Fact]
    public async Task A_plan_setting_of_a_disabled_module_is_unknown()
    {
        await using var site = TestSite.Start();

        var result = await RunAsync(site, """
            {"name": "feature", "disable": ["CP.Licensing"]},
            {"name": "Products", "products": [{"name": "A", "plans": [{"name": "p", "price": 1, "licensing": {"issueLicense": true}}]}]}
            """);

        Assert.False(result.Succeeded);
        Assert.Contains("field 'products[0].plans[0].licensing'", result.Error, StringComparison.Ordinal);
        Assert.Contains("Unknown plan setting 'licensing'", result.Error, StringComparison.Ordinal);
        Assert.True(site.Services.GetRequiredService<StoreSite.Modules.IModuleState>().IsEnabled("CP.Licensing"));
        Assert.Equal(2, (await ProductNamesAsync(site)).Count);
    }

    [Fact]
    public async Task CommerceSettings_step_refuses_an_unknown_payment_provider()
    {
        await using var site = TestSite.Start();

        var result = await RunAsync(site, """{"name": "CommerceSettings", "paymentProvider": "paypal"}""");

        Assert.False(result.Succeeded);
        Assert.Contains("field 'paymentProvider'", result.Error, StringComparison.Ordinal);
        Assert.Contains("Unknown payment provider 'paypal'", result.Error, StringComparison.Ordinal);
    }
}
