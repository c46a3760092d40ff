using System.Net;
using CP.Commerce.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Tests.Commerce;
using StoreSite.Tests.Infrastructure;
using StoreSite.Web.Recipes;
using static StoreSite.Tests.Renewals.RenewalArrange;

namespace StoreSite.Tests.Renewals;

/// <summary>A plan's <c>renewal {enabled, price}</c>: the plan editor's two fields and the Products recipe step.</summary>
public sealed class RenewalPlanSettingsTests
{
    [Fact]
    public async Task Existing_plans_renew_at_their_price_and_the_editor_saves_and_shows_both_fields()
    {
        await using var site = TestSite.Start();
        var (productId, planId) = await PlanAsync(site, Store.SingleSite);
        var before = await PlanSettingsAsync(site, planId);
        Assert.Equal((true, (decimal?)null), (before.RenewalEnabled, before.RenewalPrice));
        var admin = await site.AdminAsync();

        using var off = await EditRenewalAsync(site, admin, Store.SingleSite, enabled: false, price: "1,012.50");
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        var saved = await PlanSettingsAsync(site, planId);
        Assert.Equal((false, (decimal?)1012.50m), (saved.RenewalEnabled, saved.RenewalPrice));
        var page = await admin.GetDocumentAsync($"/admin/products/{productId}/plans/{planId}");
        Assert.False(page.QuerySelector("input[type='checkbox'][name='licensing.RenewalEnabled']")!.HasAttribute("checked"));
        Assert.Equal("1012.50", page.QuerySelector("input[name='licensing.RenewalPrice']")!.GetAttribute("value"));

        using var on = await EditRenewalAsync(site, admin, Store.SingleSite, enabled: true, price: " ");
        Assert.Equal(HttpStatusCode.Redirect, on.StatusCode);
        var cleared = await PlanSettingsAsync(site, planId);
        Assert.Equal((true, (decimal?)null), (cleared.RenewalEnabled, cleared.RenewalPrice));
        Assert.Equal(19.99m, await site.InScopeAsync(sp => sp.GetRequiredService<CommerceDbContext>().Plans.Where(p => p.Id == planId).Select(p => p.Price).SingleAsync()));
    }

    [Fact]
    public async Task A_bad_renewal_price_is_named_next_to_its_field_and_nothing_of_the_plan_is_saved()
    {
        await using var site = TestSite.Start();
        var (productId, planId) = await PlanAsync(site, Store.SingleSite);
        var admin = await site.AdminAsync();

        foreach (var (price, problem) in new[]
        {
            ("9,50", "Write a point before the cents: 9.50."),
            ("-1", "it cannot be negative"),
            ("9.999", "at most two decimals"),
            ("1000000.01", "at most 1,000,000.00"),
            ("abc", "Use only digits"),
            ("1e3", "Use only digits"),
        })
        {
            using var response = await admin.SubmitFormAsync($"/admin/products/{productId}/plans/{planId}", "form.plan-form", new Dictionary<string, string>
            {
                ["Name"] = "Renamed",
                ["licensing.RenewalEnabled"] = "false",
                ["licensing.RenewalPrice"] = price,
            });

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await Html.ParseAsync(response);
            Assert.Contains(problem, Html.FieldError(page, "licensing.RenewalPrice"), StringComparison.Ordinal);
            Assert.Equal(price, page.QuerySelector("input[name='licensing.RenewalPrice']")!.GetAttribute("value")); // what was typed stays to correct
            var stored = await PlanSettingsAsync(site, planId);
            Assert.Equal((true, (decimal?)null), (stored.RenewalEnabled, stored.RenewalPrice));
            Assert.Equal(Store.SingleSite, await site.InScopeAsync(sp => sp.GetRequiredService<CommerceDbContext>().Plans.Where(p => p.Id == planId).Select(p => p.Name).SingleAsync()));
        }
    }

    [Fact]
    public async Task The_Products_step_reads_renewal_enabled_and_price_and_defaults_to_on_at_the_plans_price()
    {
        await using var site = TestSite.Start();

        var result = await RunAsync(site, """
            {"name": "Products", "products": [{"name": "Renewable", "plans": [
              {"name": "Yearly", "price": 40, "licensing": {"issueLicense": true, "validity": {"unit": "years", "value": 1}, "renewal": {"enabled": true, "price": 25.5}}},
              {"name": "Text price", "price": 40, "licensing": {"issueLicense": true, "validity": {"unit": "years", "value": 1}, "Renewal": {"Price": "1,000.00"}}},
              {"name": "No renewals", "price": 40, "licensing": {"issueLicense": true, "validity": {"unit": "months", "value": 1}, "renewal": {"enabled": false}}},
              {"name": "Default", "price": 40, "licensing": {"issueLicense": true, "validity": {"unit": "days", "value": 30}}}
            ]}]}
            """);

        Assert.True(result.Succeeded, result.Error);
        var expected = new Dictionary<string, (bool, decimal?)>
        {
            ["Yearly"] = (true, 25.5m),
            ["Text price"] = (true, 1000m),
            ["No renewals"] = (false, null),
            ["Default"] = (true, null),
        };
        foreach (var (name, settings) in expected)
        {
            var stored = await PlanSettingsAsync(site, (await PlanAsync(site, name)).PlanId);
            Assert.Equal(settings, (stored.RenewalEnabled, stored.RenewalPrice));
        }
    }

    [Theory]
    [InlineData("""{"price": "9,50"}""", "renewal.price", "Write a point before the cents: 9.50.")]
    [InlineData("""{"price": -1}""", "renewal.price", "between 0 and 1,000,000")]
    [InlineData("""{"price": 9.999}""", "renewal.price", "at most two decimals")]
    [InlineData("""{"price": "9.999"}""", "renewal.price", "at most two decimals")]
    [InlineData("""{"price": true}""", "renewal.price", "must be a number")]
    [InlineData("""{"price": ""}""", "renewal.price", "is required")]
    [InlineData("""{"enabled": "yes"}""", "renewal.enabled", "")]
    [InlineData("""{"prize": 5}""", "renewal.prize", "Unknown renewal setting 'prize'")]
    [InlineData("""[5]""", "renewal", "")]
    [InlineData("""5""", "renewal", "")]
    public async Task A_bad_renewal_value_stops_the_recipe_naming_the_step_and_the_field_and_nothing_is_imported(string renewal, string field, string problem)
    {
        await using var site = TestSite.Start();

        var result = await RunAsync(site, $$$"""
            {"name": "Products", "products": [{"name": "Good", "plans": [{"name": "Fine", "price": 5}]},
              {"name": "Bad", "plans": [{"name": "Broken", "price": 40, "licensing": {"issueLicense": true, "validity": {"unit": "years", "value": 1}, "renewal": {{{renewal}}}}}]}]}
            """);

        Assert.False(result.Succeeded);
        Assert.Contains($"Step 1 'Products', field 'products[1].plans[0].licensing.{field}'", result.Error, StringComparison.Ordinal);
        Assert.Contains(problem, result.Error, StringComparison.Ordinal);
        var names = await site.InScopeAsync(sp => sp.GetRequiredService<CommerceDbContext>().Products.Select(p => p.Name).ToListAsync());
        Assert.DoesNotContain("Good", names);
        Assert.DoesNotContain("Bad", names);
    }

    private static Task<RecipeResult> RunAsync(TestSite site, string steps) =>
        site.InScopeAsync(sp => sp.GetRequiredService<RecipeExecutor>().ExecuteAsync($$"""{"name": "test", "steps": [{{steps}}]}""", CancellationToken.None));
}
