using System.Net;
using System.Text.Json;
using CP.Commerce.Data;
using CP.Commerce.Plans;
using CP.Licensing.Data;
using CP.Licensing.Models;
using CP.Licensing.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Data;
using StoreSite.Recipes;
using StoreSite.Tests.Infrastructure;
using static StoreSite.Tests.Licensing.DeactivateArrange;
using static StoreSite.Tests.Licensing.LicensingArrange;
using static StoreSite.Tests.Licensing.OrderArrange;

namespace StoreSite.Tests.Licensing;

/// <summary>A plan's deactivation allowance: the plan editor's fields, the Products recipe's <c>deactivations</c>, and keys issued for it.</summary>
public sealed class PlanDeactivationAllowanceTests
{
    [Fact]
    public async Task Recipe_reads_deactivations_and_defaults_to_allowed_three_per_30_days()
    {
        await using var site = await LicensingSite.StartAsync(withCustomer: false);

        var none = await ReadAsync(site, """{"issueLicense": true}""");
        var unlimited = await ReadAsync(site, """{"issueLicense": true, "deactivations": {"allowed": true, "per30Days": 0}}""");
        var forbidden = await ReadAsync(site, """{"issueLicense": true, "deactivations": {"allowed": false}}""");

        Assert.True(none.DeactivationsAllowed);
        Assert.Equal(3, none.DeactivationsPer30Days);
        Assert.True(unlimited.DeactivationsAllowed);
        Assert.Equal(0, unlimited.DeactivationsPer30Days);
        Assert.False(forbidden.DeactivationsAllowed);
        Assert.Equal(3, forbidden.DeactivationsPer30Days);
    }

    [Theory]
    [InlineData("""{"deactivations": "three"}""", "products[0].plans[1].licensing.deactivations")]
    [InlineData("""{"deactivations": {"allowed": "no"}}""", "products[0].plans[1].licensing.deactivations.allowed")]
    [InlineData("""{"deactivations": {"per30Days": -1}}""", "products[0].plans[1].licensing.deactivations.per30Days")]
    [InlineData("""{"deactivations": {"per30Days": 1001}}""", "products[0].plans[1].licensing.deactivations.per30Days")]
    [InlineData("""{"deactivations": {"per30Days": "3"}}""", "products[0].plans[1].licensing.deactivations.per30Days")]
    public async Task Bad_deactivations_fields_are_named(string json, string field)
    {
        await using var site = await LicensingSite.StartAsync(withCustomer: false);

        var error = await Assert.ThrowsAsync<RecipeException>(() => ReadAsync(site, json));

        Assert.Equal(field, error.Field);
    }

    [Fact]
    public async Task Plan_editor_has_one_Licensing_heading_and_hides_Valid_for_while_Lifetime_is_chosen()
    {
        await using var site = await LicensingSite.StartAsync(withCustomer: false);
        var admin = await site.AdminAsync();
        var productId = await site.InScopeAsync(sp => sp.GetRequiredService<CommerceDbContext>().Products.Select(p => p.Id).FirstAsync());

        var form = await admin.GetDocumentAsync($"/admin/products/{productId}/plans/new");

        Assert.Single(form.QuerySelectorAll("main legend, main h2, main h3"), e => e.TextContent.Trim() == "Licensing");
        // site.css: .choice-group:has(.hiding-choice:checked) .hidden-by-choice { display: none; }
        var group = form.QuerySelector("select[name='licensing.ValidityUnit']")?.Closest(".choice-group");
        Assert.NotNull(group);
        Assert.Equal("Lifetime", group.QuerySelector("option.hiding-choice")?.TextContent);
        Assert.NotNull(group.QuerySelector(".hidden-by-choice input[name='licensing.ValidityValue']"));
    }

    [Fact]
    public async Task Plan_editor_shows_saves_and_loads_the_allowance_and_refuses_more_than_1000()
    {
        await using var site = await LicensingSite.StartAsync(withCustomer: false);
        var admin = await site.AdminAsync();
        var productId = await site.InScopeAsync(sp => sp.GetRequiredService<CommerceDbContext>().Products.Select(p => p.Id).FirstAsync());
        var form = await admin.GetDocumentAsync($"/admin/products/{productId}/plans/new");
        Assert.NotNull(form.QuerySelector("input[name='licensing.DeactivationsAllowed'][checked]"));
        Assert.Equal("3", form.QuerySelector("input[name='licensing.DeactivationsPer30Days']")?.GetAttribute("value"));
        var token = Html.AntiforgeryToken(form);

        using var refused = await admin.PostAsync($"/admin/products/{productId}/plans/new", Plan(token, "Too many", allowed: "true", per30Days: "1001"));
        using var saved = await admin.PostAsync($"/admin/products/{productId}/plans/new", Plan(token, "Strict", allowed: "false", per30Days: "7"));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Enter a number from 0 (unlimited) to 1000.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var planId = await site.InScopeAsync(sp => sp.GetRequiredService<CommerceDbContext>().Plans.Where(p => p.Name == "Strict").Select(p => p.Id).SingleAsync());
        var loaded = (LicensingPlanEditorViewModel)await site.InScopeAsync(sp => Editor(sp).LoadAsync(planId, CancellationToken.None));
        Assert.False(loaded.DeactivationsAllowed);
        Assert.Equal(7, loaded.DeactivationsPer30Days);
        Assert.False(await site.InScopeAsync(sp => sp.GetRequiredService<CommerceDbContext>().Plans.AnyAsync(p => p.Name == "Too many")));
    }

    [Fact]
    public async Task Keys_issued_for_a_plan_take_its_allowance_and_the_deactivate_api_holds_it()
    {
        var paidAt = new DateTimeOffset(2028, 1, 31, 10, 0, 0, TimeSpan.Zero);
        await using var site = await LicensingSite.StartAsync(o => o.Now = paidAt);
        await site.InScopeAsync(async sp =>
        {
            await using var transaction = await sp.GetRequiredService<SiteDatabase>().BeginTransactionAsync();
            await Editor(sp).SaveAsync(SingleSitePlan, new LicensingPlanEditorViewModel { IssueLicense = true, MaxActivations = 5, DeactivationsAllowed = true, DeactivationsPer30Days = 1 }, CancellationToken.None);
            await Editor(sp).SaveAsync(FiveSitesMonthlyPlan, new LicensingPlanEditorViewModel { IssueLicense = true, MaxActivations = 5, DeactivationsAllowed = false }, CancellationToken.None);
            await transaction.CommitAsync();
        });
        await PaidAsync(site, await OrderAsync(site, "SO-2028-000200", paidAt, (SingleSitePlan, "Forms Plus", 1), (FiveSitesMonthlyPlan, "Gallery Pro", 1)));
        var keys = await AllAsync(site);
        var onePer30Days = keys.Single(l => l.ProductName == "Forms Plus").Key;
        var none = keys.Single(l => l.ProductName == "Gallery Pro").Key;
        var client = site.CreateClient();
        foreach (var key in new[] { onePer30Days, none })
        {
            await AssertValidAsync(await VerifyAsync(client, key, "one.example.com", from: "198.51.100.1"));
            await AssertValidAsync(await VerifyAsync(client, key, "two.example.com", from: "198.51.100.2"));
        }

        await AssertDeactivatedAsync(await DeactivateAsync(client, onePer30Days, "one.example.com"));
        await AssertFailureAsync(await DeactivateAsync(client, onePer30Days, "two.example.com"), 403, "Deactivation limit reached.", "deactivation_limit");
        await AssertFailureAsync(await DeactivateAsync(client, none, "one.example.com"), 403, "Deactivation limit reached.", "deactivation_limit");

        Assert.Single((await LoadAsync(site, onePer30Days)).Activations);
        Assert.Equal(2, (await LoadAsync(site, none)).Activations.Count);
    }

    private static FormUrlEncodedContent Plan(string token, string name, string allowed, string per30Days) => new(new Dictionary<string, string>
    {
        ["__RequestVerificationToken"] = token,
        ["Name"] = name,
        ["Price"] = "5.00",
        ["IsActive"] = "true",
        ["licensing.IssueLicense"] = "true",
        ["licensing.ValidityUnit"] = nameof(LicenseValidityUnit.Lifetime),
        ["licensing.MaxActivations"] = "3",
        ["licensing.MatchBy"] = nameof(LicenseMatchRule.DomainOrIp),
        ["licensing.DeactivationsAllowed"] = allowed,
        ["licensing.DeactivationsPer30Days"] = per30Days,
    });

    private static LicensingPlanEditor Editor(IServiceProvider services) =>
        services.GetServices<IPlanEditorExtension>().OfType<LicensingPlanEditor>().Single();

    private static async Task<LicensingPlanEditorViewModel> ReadAsync(TestSite site, string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement.Clone();
        return (LicensingPlanEditorViewModel)await site.InScopeAsync(sp =>
            Editor(sp).ReadRecipeAsync(root, new RecipeStepContext("test", "Products", 3, root, new HashSet<string>(), sp), "products[0].plans[1].licensing", CancellationToken.None));
    }
}
