using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Modules;
using StoreSite.Tests.Infrastructure;
using StoreSite.Web.Data;

namespace StoreSite.Tests.Host;

public sealed class SetupTests
{
    private static Dictionary<string, string> SetupForm(string email = "owner@example.com", string password = "Owner-Passw0rd") => new()
    {
        ["SiteName"] = "Acme Plugins",
        ["Recipe"] = "store",
        ["DatabaseProvider"] = "Sqlite",
        ["AdminEmail"] = email,
        ["AdminPassword"] = password,
        ["ConfirmPassword"] = password,
    };

    [Theory]
    [InlineData("/")]
    [InlineData("/admin")]
    [InlineData("/account/login")]
    [InlineData("/products")]
    public async Task Before_setup_every_page_redirects_to_setup(string path)
    {
        await using var site = TestSite.Start(o => o.Recipe = null);
        using var response = await site.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/setup", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Setup_page_lists_the_setup_recipes_with_their_descriptions()
    {
        await using var site = TestSite.Start(o => o.Recipe = null);
        var page = await site.CreateClient().GetDocumentAsync("/setup");

        var recipes = page.QuerySelectorAll("input[name='Recipe']").Select(i => i.GetAttribute("value")).ToList();
        Assert.Contains("store", recipes);
        Assert.Contains("empty", recipes);
        Assert.Contains("licensed digital products", page.QuerySelector("form")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Sqlite", page.QuerySelector("input[name='DatabaseProvider'][checked]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Setup_form_sets_up_the_site_signs_the_admin_in_and_then_answers_404()
    {
        await using var site = TestSite.Start(o => o.Recipe = null);
        var client = site.CreateClient();

        using var response = await client.SubmitFormAsync("/setup", "form[action='/setup']", SetupForm());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Headers.Location?.OriginalString);
        var admin = await client.GetDocumentAsync("/admin");
        Assert.Contains("Acme Plugins", admin.Title, StringComparison.Ordinal);
        using var setupAgain = await client.GetAsync("/setup");
        Assert.Equal(HttpStatusCode.NotFound, setupAgain.StatusCode);
        var modules = site.Services.GetRequiredService<IModuleState>();
        Assert.True(modules.IsEnabled("CP.Commerce"));
        Assert.True(modules.IsEnabled("CP.Licensing"));
        Assert.True(File.Exists(Path.Combine(site.AppData, "store.db")));
    }

    [Fact]
    public async Task After_setup_the_dashboard_says_the_store_is_ready_with_next_steps_once()
    {
        await using var site = TestSite.Start(o => o.Recipe = null);
        var client = site.CreateClient();
        using var response = await client.SubmitFormAsync("/setup", "form[action='/setup']", SetupForm());

        var first = await client.GetDocumentAsync("/admin");

        var welcome = first.QuerySelector(".setup-welcome") ?? throw new Xunit.Sdk.XunitException("No setup welcome on the first dashboard.");
        Assert.Equal("Your store is ready", welcome.QuerySelector("h2")?.TextContent);
        var links = welcome.QuerySelectorAll("li a").ToDictionary(a => a.TextContent, a => a.GetAttribute("href"));
        Assert.Equal("/admin/products/new", links["Add a product and its plans"]);
        Assert.Equal("/admin/payments", links["Set the payment provider"]);
        Assert.Equal("/admin/settings#licensing-settings", links["Licensing settings"]);
        Assert.Equal("/", links["Open the storefront"]);
        Assert.Empty(first.QuerySelectorAll("script:not([src])"));
        var again = await client.GetDocumentAsync("/admin");
        Assert.Null(again.QuerySelector(".setup-welcome"));
    }

    [Fact]
    public async Task Setup_form_shows_a_message_next_to_each_bad_field_and_sets_nothing_up()
    {
        await using var site = TestSite.Start(o => o.Recipe = null);
        var client = site.CreateClient();
        var form = SetupForm(email: "not-an-email", password: "short");
        form["ConfirmPassword"] = "different";
        form["SiteName"] = "";

        using var response = await client.SubmitFormAsync("/setup", "form[action='/setup']", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("Enter the site name.", Html.FieldError(page, "SiteName"));
        Assert.Equal("Enter a valid email address.", Html.FieldError(page, "AdminEmail"));
        Assert.Equal("The passwords do not match.", Html.FieldError(page, "ConfirmPassword"));
        using var home = await client.GetAsync("/");
        Assert.Equal("/setup", home.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_refused_setup_form_keeps_the_passwords_unless_they_were_refused_and_hides_the_connection_string_with_SQLite()
    {
        await using var site = TestSite.Start(o => o.Recipe = null);
        var client = site.CreateClient();
        var form = SetupForm(email: "not-an-email");

        using var response = await client.SubmitFormAsync("/setup", "form[action='/setup']", form);
        var page = await Html.ParseAsync(response);
        form = SetupForm(password: "alllowercase");
        using var weak = await client.SubmitFormAsync("/setup", "form[action='/setup']", form);
        var weakPage = await Html.ParseAsync(weak);

        Assert.Equal("Owner-Passw0rd", page.QuerySelector("input[name='AdminPassword']")?.GetAttribute("value"));
        Assert.Equal("Owner-Passw0rd", page.QuerySelector("input[name='ConfirmPassword']")?.GetAttribute("value"));
        Assert.Equal(string.Empty, weakPage.QuerySelector("input[name='AdminPassword']")?.GetAttribute("value") ?? string.Empty);
        Assert.Equal(string.Empty, weakPage.QuerySelector("input[name='ConfirmPassword']")?.GetAttribute("value") ?? string.Empty);
        Assert.NotNull(weakPage.QuerySelector("input[name='ConfirmPassword']"));
        // site.css: .choice-group:has(.hiding-choice:checked) .hidden-by-choice { display: none; }
        var group = page.QuerySelector("input[name='ConnectionString']")?.Closest(".choice-group");
        Assert.NotNull(group);
        Assert.Equal("Sqlite", group.QuerySelector("input.hiding-choice")?.GetAttribute("value"));
        Assert.NotNull(group.QuerySelector(".hidden-by-choice input[name='ConnectionString']"));
    }

    [Fact]
    public async Task Setup_form_rejects_a_weak_password_with_identity_rules()
    {
        await using var site = TestSite.Start(o => o.Recipe = null);
        using var response = await site.CreateClient().SubmitFormAsync("/setup", "form[action='/setup']", SetupForm(password: "alllowercase"));

        var page = await Html.ParseAsync(response);
        Assert.Equal("The password needs a digit (0–9) and an upper-case letter (A–Z).", Html.FieldError(page, "AdminPassword"));
    }

    [Fact]
    public async Task Setup_with_an_unreachable_postgres_names_the_connection_string()
    {
        await using var site = TestSite.Start(o => o.Recipe = null);
        var form = SetupForm();
        form["DatabaseProvider"] = "Postgres";
        form["ConnectionString"] = "Host=127.0.0.1;Port=1;Username=nobody;Timeout=2";

        using var response = await site.CreateClient().SubmitFormAsync("/setup", "form[action='/setup']", form);

        var page = await Html.ParseAsync(response);
        Assert.StartsWith("Could not connect to the database", Html.FieldError(page, "ConnectionString"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Headless_setup_from_configuration_creates_the_admin_and_enables_the_recipe_modules()
    {
        await using var site = TestSite.Start();

        var admin = await site.AdminAsync();
        var dashboard = await admin.GetDocumentAsync("/admin");
        Assert.Contains("Test Store", dashboard.Title, StringComparison.Ordinal);
        using var setup = await site.CreateClient().GetAsync("/setup");
        Assert.Equal(HttpStatusCode.NotFound, setup.StatusCode);
        Assert.True(site.Services.GetRequiredService<IModuleState>().IsEnabled("CP.Licensing"));
    }

    [Fact]
    public async Task Restarting_on_an_existing_site_skips_auto_setup()
    {
        string appData;
        await using (var first = TestSite.Start(o => o.AppData = Path.Combine(Path.GetTempPath(), "storesite-tests", Guid.NewGuid().ToString("N"))))
        {
            appData = first.AppData;
        }

        try
        {
            await using var second = TestSite.Start(o =>
            {
                o.AppData = appData;
                o.Settings["StoreSite:AutoSetup:AdminEmail"] = "other@example.com";
            });

            await second.AdminAsync();
            var userCount = await second.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<UserManager<StoreUser>>().Users.Count()));
            Assert.Equal(1, userCount);
        }
        finally
        {
            Directory.Delete(appData, recursive: true);
        }
    }

    [Fact]
    public async Task Auto_setup_with_an_unknown_recipe_fails_the_start_naming_the_setting()
    {
        var error = Assert.ThrowsAny<Exception>(() => TestSite.Start(o => o.Recipe = "no-such-recipe"));

        var message = error.ToString();
        Assert.Contains("StoreSite:AutoSetup:Recipe", message, StringComparison.Ordinal);
    }
}
