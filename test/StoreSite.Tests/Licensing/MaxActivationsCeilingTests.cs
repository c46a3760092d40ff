using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Text.Json;
using CP.Commerce.Plans;
using CP.Licensing.Data;
using CP.Licensing.Plans;
using CP.Licensing.ViewModels;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Recipes;
using StoreSite.Tests.Infrastructure;
using StoreSite.Tests.LicensingPages;
using static StoreSite.Tests.Licensing.LicensingArrange;

namespace StoreSite.Tests.Licensing;

/// <summary>One Max Activations ceiling: the plan editor, the license page's limit form and the recipes refuse one more than it alike.</summary>
public sealed class MaxActivationsCeilingTests
{
    private const string Refusal = "Enter a number from 0 (unlimited) to 1000000.";

    [Fact]
    public void The_ceiling_is_one_million_and_its_refusal_names_it()
    {
        Assert.Equal(1_000_000, LicensingLimits.MaxActivations);
        Assert.Equal(Refusal, LicensingLimits.MaxActivationsProblem);
    }

    [Fact]
    public void Plan_editor_and_limit_form_accept_the_ceiling_and_refuse_one_more_next_to_Max_Activations()
    {
        Assert.Empty(Problems(new LicensingPlanEditorViewModel { IssueLicense = true, MaxActivations = LicensingLimits.MaxActivations }));
        Assert.Empty(Problems(new MaxActivationsInputModel { MaxActivations = LicensingLimits.MaxActivations }));

        var plan = Assert.Single(Problems(new LicensingPlanEditorViewModel { IssueLicense = true, MaxActivations = LicensingLimits.MaxActivations + 1 }));
        var form = Assert.Single(Problems(new MaxActivationsInputModel { MaxActivations = LicensingLimits.MaxActivations + 1 }));

        Assert.Equal((Refusal, "MaxActivations"), (plan.ErrorMessage, Assert.Single(plan.MemberNames)));
        Assert.Equal((Refusal, "MaxActivations"), (form.ErrorMessage, Assert.Single(form.MemberNames)));
    }

    [Fact]
    public async Task License_page_refuses_one_more_than_the_ceiling_next_to_the_field()
    {
        await using var site = await LicensingSite.StartAsync();
        var key = await IssueAsync(site, maxActivations: 3);
        var admin = await site.AdminAsync();
        var id = await LicensePages.IdOfAsync(site, key);

        using var refused = await admin.SubmitFormAsync($"/admin/licenses/{id}", "form.max-activations-form", new Dictionary<string, string> { ["MaxActivations"] = "1000001" });
        using var accepted = await admin.SubmitFormAsync($"/admin/licenses/{id}", "form.max-activations-form", new Dictionary<string, string> { ["MaxActivations"] = "1000000" });

        Assert.Equal(Refusal, Html.FieldError(await Html.ParseAsync(refused), "MaxActivations"));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(1_000_000, (await LoadAsync(site, key)).MaxActivations);
    }

    [Fact]
    public async Task Licenses_step_and_plan_recipe_refuse_one_more_than_the_ceiling_naming_the_field_with_the_same_words()
    {
        await using var site = await LicensingSite.StartAsync();

        var step = await TryRecipeAsync(site, SettingsStep(), LicensesStep(License(max: LicensingLimits.MaxActivations + 1)));
        using var document = JsonDocument.Parse("""{"maxActivations": 1000001}""");
        var root = document.RootElement.Clone();
        var plan = await Assert.ThrowsAsync<RecipeException>(() => site.InScopeAsync(sp =>
            sp.GetServices<IPlanEditorExtension>().OfType<LicensingPlanEditor>().Single()
                .ReadRecipeAsync(root, new RecipeStepContext("test", "Products", 3, root, new HashSet<string>(), sp), "products[0].plans[1].licensing", CancellationToken.None)));

        Assert.False(step.Succeeded);
        Assert.Contains("'licenses[0].maxActivations'", step.Error, StringComparison.Ordinal);
        Assert.Contains(Refusal, step.Error, StringComparison.Ordinal);
        Assert.Equal("products[0].plans[1].licensing.maxActivations", plan.Field);
        Assert.Contains(Refusal, plan.Message, StringComparison.Ordinal);
        Assert.Empty(await AllAsync(site));
    }

    private static List<ValidationResult> Problems(object model)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(model, new ValidationContext(model), results, validateAllProperties: true);
        return results;
    }
}
