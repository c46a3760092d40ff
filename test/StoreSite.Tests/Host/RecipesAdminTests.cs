using System.Net;
using StoreSite.Tests.Host.Support;
using StoreSite.Tests.Infrastructure;

namespace StoreSite.Tests.Host;

public sealed class RecipesAdminTests
{
    private const string RunSampleCustomers = "form[action='/admin/recipes/sample-customers/run']";

    private static async Task<(string Notice, string Error)> FlashAfterAsync(HttpClient client, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
        return (page.QuerySelector(".notice-success")?.TextContent.Trim() ?? string.Empty, page.QuerySelector(".notice-error")?.TextContent.Trim() ?? string.Empty);
    }

    [Fact]
    public async Task Recipes_page_lists_the_recipes_and_offers_to_run_only_the_non_setup_ones()
    {
        await using var site = TestSite.Start();
        var admin = await site.AdminAsync();

        var page = await admin.GetDocumentAsync("/admin/recipes");

        Assert.Contains("Sample customers", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(RunSampleCustomers));
        Assert.Null(page.QuerySelector("form[action='/admin/recipes/store/run']"));
        Assert.Null(page.QuerySelector("form[action='/admin/recipes/empty/run']"));
    }

    [Fact]
    public async Task Running_the_sample_customers_recipe_creates_two_customers_and_shows_the_result()
    {
        await using var site = TestSite.Start();
        var admin = await site.AdminAsync();

        using var response = await admin.SubmitFormAsync("/admin/recipes", RunSampleCustomers, new Dictionary<string, string>());

        var (notice, error) = await FlashAfterAsync(admin, response);
        Assert.Equal("Recipe 'Sample customers' ran: 1 step (Users).", notice);
        Assert.Equal(string.Empty, error);
        Assert.Equal(["Customer"], await site.RolesOfAsync("ada@example.com"));
        Assert.Equal(["Customer"], await site.RolesOfAsync("grace@example.com"));
        await site.SignInAsync("ada@example.com", "Demo-Passw0rd");
    }

    [Fact]
    public async Task Running_it_twice_stops_with_the_step_and_field_and_applies_nothing()
    {
        await using var site = TestSite.Start();
        var admin = await site.AdminAsync();
        using var first = await admin.SubmitFormAsync("/admin/recipes", RunSampleCustomers, new Dictionary<string, string>());
        var before = await site.SnapshotAsync();

        using var second = await admin.SubmitFormAsync("/admin/recipes", RunSampleCustomers, new Dictionary<string, string>());

        var (notice, error) = await FlashAfterAsync(admin, second);
        Assert.Equal(string.Empty, notice);
        Assert.Equal("Recipe 'Sample customers' stopped and nothing was applied. Step 1 'Users', field 'Users[0].email': An account with the email 'ada@example.com' already exists.", error);
        Assert.Equal(before, await site.SnapshotAsync());
    }

    [Fact]
    public async Task A_setup_recipe_cannot_be_run_on_a_running_site_and_unknown_recipes_answer_404()
    {
        await using var site = TestSite.Start();
        var admin = await site.AdminAsync();
        var page = await admin.GetDocumentAsync("/admin/recipes");
        var token = Html.AntiforgeryToken(page);
        var before = await site.SnapshotAsync();

        using var setup = await admin.PostAsync("/admin/recipes/store/run", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        using var unknown = await admin.PostAsync("/admin/recipes/no-such-recipe/run", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Contains("is a setup recipe", (await FlashAfterAsync(admin, setup)).Error, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(before, await site.SnapshotAsync());
    }
}
