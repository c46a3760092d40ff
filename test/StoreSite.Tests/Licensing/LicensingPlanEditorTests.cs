using System.Text.Json;
using CP.Commerce.Plans;
using CP.Licensing.Models;
using CP.Licensing.Plans;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Data;
using StoreSite.Recipes;

namespace StoreSite.Tests.Licensing;

/// <summary>The plan editor's <c>licensing</c> section: defaults, storage, recipe fields, storefront line.</summary>
public sealed class LicensingPlanEditorTests
{
    [Fact]
    public async Task New_plan_does_not_issue_licenses_by_default()
    {
        await using var site = await LicensingSite.StartAsync(withCustomer: false);

        var model = (LicensingPlanEditorViewModel)await site.InScopeAsync(sp => Editor(sp).LoadAsync(null, CancellationToken.None));

        Assert.False(model.IssueLicense);
        Assert.Equal(LicenseValidityUnit.Lifetime, model.ValidityUnit);
        Assert.Equal("licensing", await site.InScopeAsync(sp => Task.FromResult(Editor(sp).Name)));
    }

    [Fact]
    public async Task Saved_section_loads_back_and_describes_the_plan()
    {
        await using var site = await LicensingSite.StartAsync(withCustomer: false);
        await site.InScopeAsync(async sp =>
        {
            await using var transaction = await sp.GetRequiredService<SiteDatabase>().BeginTransactionAsync();
            await Editor(sp).SaveAsync(7, new LicensingPlanEditorViewModel { IssueLicense = true, ValidityUnit = LicenseValidityUnit.Years, ValidityValue = 1, MaxActivations = 5, MatchBy = LicenseMatchRule.Ip }, CancellationToken.None);
            await Editor(sp).SaveAsync(8, new LicensingPlanEditorViewModel { IssueLicense = true, MaxActivations = 0 }, CancellationToken.None);
            await Editor(sp).SaveAsync(9, new LicensingPlanEditorViewModel { IssueLicense = false }, CancellationToken.None);
            await transaction.CommitAsync();
        });

        var loaded = (LicensingPlanEditorViewModel)await site.InScopeAsync(sp => Editor(sp).LoadAsync(7, CancellationToken.None));
        var lines = await site.InScopeAsync(sp => Editor(sp).DescribePlansAsync([7, 8, 9, 10], CancellationToken.None));

        Assert.True(loaded.IssueLicense);
        Assert.Equal(LicenseValidityUnit.Years, loaded.ValidityUnit);
        Assert.Equal(1, loaded.ValidityValue);
        Assert.Equal(5, loaded.MaxActivations);
        Assert.Equal(LicenseMatchRule.Ip, loaded.MatchBy);
        // Plans 7 and 8 are not in the catalog, so the renewal line names no price.
        Assert.Equal(["5 sites", "1 year of updates and support", "Renews every year"], lines[7]);
        Assert.Equal(["Unlimited sites", "Lifetime updates and support"], lines[8]);
        Assert.Equal(2, lines.Count);
    }

    [Fact]
    public async Task Recipe_fields_are_read()
    {
        await using var site = await LicensingSite.StartAsync(withCustomer: false);

        var yearly = await ReadAsync(site, """{"issueLicense": true, "validity": {"unit": "months", "value": 6}, "maxActivations": 5, "matchBy": "Domain"}""");
        var lifetime = await ReadAsync(site, """{"issueLicense": true, "lifetime": true, "maxActivations": 0}""");

        Assert.True(yearly.IssueLicense);
        Assert.Equal(new LicenseValidity(LicenseValidityUnit.Months, 6), yearly.Validity);
        Assert.Equal(5, yearly.MaxActivations);
        Assert.Equal(LicenseMatchRule.Domain, yearly.MatchBy);
        Assert.Equal(LicenseValidity.Lifetime, lifetime.Validity);
        Assert.Equal(0, lifetime.MaxActivations);
    }

    [Fact]
    public async Task Development_sites_are_free_unless_the_plan_says_not_and_the_editor_keeps_it()
    {
        await using var site = await LicensingSite.StartAsync(withCustomer: false);

        var counted = await ReadAsync(site, """{"issueLicense": true, "developmentSitesFree": false}""");
        var free = await ReadAsync(site, """{"issueLicense": true}""");
        await site.InScopeAsync(sp => Editor(sp).SaveAsync(8, counted, CancellationToken.None));
        var loaded = (LicensingPlanEditorViewModel)await site.InScopeAsync(sp => Editor(sp).LoadAsync(8, CancellationToken.None));

        Assert.False(counted.DevelopmentSitesFree);
        Assert.True(free.DevelopmentSitesFree);
        Assert.False(loaded.DevelopmentSitesFree);
        Assert.True(new LicensingPlanEditorViewModel().DevelopmentSitesFree);
    }

    [Theory]
    [InlineData("""{"issueLicense": "yes"}""", "products[0].plans[1].licensing.issueLicense")]
    [InlineData("""{"validity": {"unit": "fortnights", "value": 1}}""", "products[0].plans[1].licensing.validity.unit")]
    [InlineData("""{"validity": {"unit": "days"}}""", "products[0].plans[1].licensing.validity.value")]
    [InlineData("""{"validity": {"unit": "days", "value": 0}}""", "products[0].plans[1].licensing.validity.value")]
    [InlineData("""{"validity": {"unit": "days", "value": 5}, "lifetime": true}""", "products[0].plans[1].licensing.validity")]
    [InlineData("""{"maxActivations": -1}""", "products[0].plans[1].licensing.maxActivations")]
    [InlineData("""{"matchBy": "Email"}""", "products[0].plans[1].licensing.matchBy")]
    [InlineData("""{"developmentSitesFree": "no"}""", "products[0].plans[1].licensing.developmentSitesFree")]
    [InlineData("""["not an object"]""", "products[0].plans[1].licensing")]
    public async Task Bad_recipe_fields_are_named(string json, string field)
    {
        await using var site = await LicensingSite.StartAsync(withCustomer: false);

        var error = await Assert.ThrowsAsync<RecipeException>(() => ReadAsync(site, json));

        Assert.Equal(field, error.Field);
    }

    private static LicensingPlanEditor Editor(IServiceProvider services) =>
        services.GetServices<IPlanEditorExtension>().OfType<LicensingPlanEditor>().Single();

    private static async Task<LicensingPlanEditorViewModel> ReadAsync(Infrastructure.TestSite site, string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement.Clone();
        return (LicensingPlanEditorViewModel)await site.InScopeAsync(sp =>
            Editor(sp).ReadRecipeAsync(root, new RecipeStepContext("test", "Products", 3, root, new HashSet<string>(), sp), "products[0].plans[1].licensing", CancellationToken.None));
    }
}
