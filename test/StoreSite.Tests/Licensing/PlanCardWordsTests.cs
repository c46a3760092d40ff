using CP.Licensing.Models;
using CP.Licensing.Plans;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Tests.Commerce;
using StoreSite.Tests.Infrastructure;
using StoreSite.Web.Recipes;

namespace StoreSite.Tests.Licensing;

/// <summary>The plan cards of the product page say in words what each licensed plan gives: sites, validity, the renewal and its price.</summary>
public sealed class PlanCardWordsTests
{
    [Fact]
    public async Task The_store_s_plan_cards_say_sites_validity_and_the_renewal_price()
    {
        await using var site = TestSite.Start();
        var client = site.CreateClient();

        var builder = await client.GetDocumentAsync($"/products/{Store.SiteBuilder}");
        var backup = await client.GetDocumentAsync("/products/backup-guard");

        Assert.Equal(["1 site", "1 year of updates and support", "Renews at 19.99 USD/year"], Lines(builder, Store.SingleSite));
        Assert.Equal(["5 sites", "1 year of updates and support", "Renews at 149.00 USD/year"], Lines(builder, Store.Agency));
        Assert.Equal(["Unlimited sites", "Lifetime updates and support"], Lines(backup, "Lifetime (unlimited sites)"));
    }

    [Fact]
    public async Task A_renewal_price_a_period_of_months_and_renewals_turned_off_read_as_they_are()
    {
        await using var site = TestSite.Start();
        var recipe = """
            {"name": "plan-words", "steps": [{"name": "Products", "products": [{"name": "Words", "slug": "words", "plans": [
              {"name": "Half year", "price": 30, "licensing": {"issueLicense": true, "validity": {"unit": "months", "value": 6}, "maxActivations": 1200, "renewal": {"price": 20}}},
              {"name": "No renewal", "price": 40, "licensing": {"issueLicense": true, "validity": {"unit": "years", "value": 2}, "maxActivations": 3, "renewal": {"enabled": false}}},
              {"name": "No key", "price": 5}
            ]}]}]}
            """;

        var result = await site.InScopeAsync(sp => sp.GetRequiredService<RecipeExecutor>().ExecuteAsync(recipe, CancellationToken.None));

        Assert.True(result.Succeeded, result.Error);
        var page = await site.CreateClient().GetDocumentAsync("/products/words");
        Assert.Equal(["1,200 sites", "6 months of updates and support", "Renews at 20.00 USD every 6 months"], Lines(page, "Half year"));
        Assert.Equal(["3 sites", "2 years of updates and support"], Lines(page, "No renewal"));
        Assert.Empty(Lines(page, "No key"));
    }

    [Theory]
    [InlineData(LicenseValidityUnit.Weeks, 1, "1 week of updates and support", "Renews every week")]
    [InlineData(LicenseValidityUnit.Days, 30, "30 days of updates and support", "Renews every 30 days")]
    [InlineData(LicenseValidityUnit.Months, 1, "1 month of updates and support", "Renews every month")]
    public void A_renewal_without_a_known_price_names_only_its_period(LicenseValidityUnit unit, int value, string validity, string renewal)
    {
        var lines = LicensingPlanWords.Describe(new PlanLicensingSettings { IssueLicense = true, ValidityUnit = unit, ValidityValue = value, MaxActivations = 1 }, null);

        Assert.Equal(["1 site", validity, renewal], lines);
    }

    private static List<string> Lines(AngleSharp.Dom.IDocument page, string plan) =>
        page.QuerySelectorAll("section.plan").Single(s => s.QuerySelector("h3")?.TextContent.Trim() == plan)
            .QuerySelectorAll(".plan-gives li").Select(li => li.TextContent.Trim()).ToList();
}
