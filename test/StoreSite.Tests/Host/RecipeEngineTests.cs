using Microsoft.Extensions.DependencyInjection;
using StoreSite.Modules;
using StoreSite.Settings;
using StoreSite.Tests.Host.Support;
using StoreSite.Tests.Infrastructure;

namespace StoreSite.Tests.Host;

public sealed class RecipeEngineTests
{
    /// <summary>Steps that change users, roles, settings and modules before the step under test.</summary>
    private const string ChangesFirst = """
        { "name": "Settings", "SiteName": "Changed by the recipe", "PageSize": 50 },
        { "name": "Roles", "Roles": [ { "Name": "Editor", "Permissions": [ "ManageSettings" ] } ] },
        { "name": "Users", "Users": [ { "email": "first@example.com", "password": "First-Passw0rd", "roles": [ "Editor" ] } ] },
        { "name": "feature", "disable": [ "CP.Licensing" ] },
        """;

    private static string Recipe(string steps) => $$"""{ "name": "under-test", "steps": [ {{steps}} ] }""";

    [Fact]
    public async Task An_unknown_step_stops_the_recipe_naming_the_step_and_nothing_is_applied()
    {
        await using var site = TestSite.Start();
        var before = await site.SnapshotAsync();

        var result = await site.RunRecipeAsync(Recipe(ChangesFirst + """{ "name": "NoSuchStep" }"""));

        Assert.False(result.Succeeded);
        Assert.StartsWith("Step 5 'NoSuchStep', field 'name': Unknown step 'NoSuchStep'.", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await site.SnapshotAsync());
    }

    [Fact]
    public async Task An_unknown_module_in_a_feature_step_stops_the_recipe_and_rolls_back_the_steps_before_it()
    {
        await using var site = TestSite.Start();
        var before = await site.SnapshotAsync();

        var result = await site.RunRecipeAsync(Recipe(ChangesFirst + """{ "name": "feature", "enable": [ "CP.Commerce", "CP.NoSuchModule" ] }"""));

        Assert.False(result.Succeeded);
        Assert.Equal("Step 5 'feature', field 'enable[1]': Unknown module 'CP.NoSuchModule'.", result.Error);
        Assert.Equal(before, await site.SnapshotAsync());
        Assert.True(site.Services.GetRequiredService<IModuleState>().IsEnabled("CP.Licensing"));
    }

    [Theory]
    [InlineData("timeZone", "Asia/Tokyo", "Asia/Tokyo")]
    [InlineData("TimeZone", "Romance Standard Time", "Europe/Paris")]
    [InlineData("timezone", " America/New_York ", "America/New_York")]
    public async Task The_settings_step_takes_a_known_time_zone_under_any_case_of_its_name_and_stores_the_iana_id(string field, string zone, string stored)
    {
        await using var site = TestSite.Start();

        var result = await site.RunRecipeAsync(Recipe($$"""{ "name": "Settings", "{{field}}": "{{zone}}" }"""));

        Assert.True(result.Succeeded, result.Error);
        var settings = await site.InScopeAsync(sp => sp.GetRequiredService<StoreSite.Settings.ISiteSettingsStore>().GetAsync<StoreSite.Settings.SiteSettings>(StoreSite.Settings.SiteSettings.Section, CancellationToken.None));
        Assert.Equal(stored, settings.TimeZone);
    }

    [Theory]
    [InlineData("""{ "name": "Settings", "PageSize": 0 }""", "Step 5 'Settings', field 'PageSize': must be between 5 and 200.")]
    [InlineData("""{ "name": "Settings", "TimeZone": "Mars/Olympus_Mons" }""", "Step 5 'Settings', field 'TimeZone': 'Mars/Olympus_Mons' is not a known time zone.")]
    [InlineData("""{ "name": "Settings", "Currency": "DOLLARS" }""", "Step 5 'Settings', field 'Currency': The currency must be a three-letter ISO 4217 code such as USD or EUR.")]
    [InlineData("""{ "name": "Settings", "Currency": "XYZ" }""", "Step 5 'Settings', field 'Currency': The currency must be a three-letter ISO 4217 code such as USD or EUR.")]
    [InlineData("""{ "name": "Settings", "timeZone": "Europe/Atlantis" }""", "Step 5 'Settings', field 'TimeZone': 'Europe/Atlantis' is not a known time zone.")]
    [InlineData("""{ "name": "Settings", "timeZone": 120 }""", "Step 5 'Settings', field 'TimeZone': must be a string.")]
    [InlineData("""{ "name": "Settings", "timeZone": "" }""", "Step 5 'Settings', field 'TimeZone': '' is not a known time zone.")]
    [InlineData("""{ "name": "Users", "Users": [ { "email": "second@example.com", "password": "Second-Passw0rd" }, { "email": "not an email", "password": "Third-Passw0rd" } ] }""", "Step 5 'Users', field 'Users[1].email': 'not an email' is not a valid email address.")]
    [InlineData("""{ "name": "Users", "Users": [ { "email": "weak@example.com", "password": "weak" } ] }""", "Step 5 'Users', field 'Users[0].password': ")]
    [InlineData("""{ "name": "Users", "Users": [ { "email": "first@example.com", "password": "First-Passw0rd" } ] }""", "Step 5 'Users', field 'Users[0].email': An account with the email 'first@example.com' already exists.")]
    [InlineData("""{ "name": "Users", "Users": [ { "email": "role@example.com", "password": "Role-Passw0rd", "roles": [ "Customer", "Wizard" ] } ] }""", "Step 5 'Users', field 'Users[0].roles[1]': Unknown role 'Wizard'.")]
    [InlineData("""{ "name": "Roles", "Roles": [ { "Name": "Auditor", "Permissions": [ "ManageUsers", "FlyToTheMoon" ] } ] }""", "Step 5 'Roles', field 'Roles[0].Permissions[1]': Unknown permission 'FlyToTheMoon'.")]
    [InlineData("""{ "name": "feature", "enable": [ "CP.Licensing" ] }, { "name": "feature", "disable": [ "CP.Commerce" ] }""", "Step 6 'feature', field 'disable[0]': Commerce cannot be disabled while Licensing, Downloads depend on it.")]
    public async Task A_bad_value_stops_the_recipe_naming_the_step_and_the_field_and_the_database_is_unchanged(string badStep, string expectedError)
    {
        await using var site = TestSite.Start();
        var before = await site.SnapshotAsync();

        var result = await site.RunRecipeAsync(Recipe(ChangesFirst + badStep));

        Assert.False(result.Succeeded);
        Assert.StartsWith(expectedError, result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await site.SnapshotAsync());
    }

    [Fact]
    public async Task The_changes_before_a_bad_step_are_really_made_when_the_recipe_is_good()
    {
        await using var site = TestSite.Start();
        var before = await site.SnapshotAsync();

        var result = await site.RunRecipeAsync(Recipe(ChangesFirst.TrimEnd().TrimEnd(',')));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(["Settings", "Roles", "Users", "feature"], result.StepsRun);
        Assert.NotEqual(before, await site.SnapshotAsync());
        Assert.Equal(["Editor"], await site.RolesOfAsync("first@example.com"));
        Assert.False(site.Services.GetRequiredService<IModuleState>().IsEnabled("CP.Licensing"));
        var settings = await site.InScopeAsync(sp => sp.GetRequiredService<ISiteSettingsStore>().GetAsync<SiteSettings>(SiteSettings.Section, CancellationToken.None));
        Assert.Equal(("Changed by the recipe", 50), (settings.SiteName, settings.PageSize));
    }

    [Fact]
    public async Task A_recipe_can_enable_a_module_and_use_its_step_in_the_same_run()
    {
        await using var site = TestSite.Start(GadgetsModule.AddTo);
        Assert.False(site.Services.GetRequiredService<IModuleState>().IsEnabled(GadgetsModule.Id));

        var result = await site.RunRecipeAsync(Recipe("""
            { "name": "feature", "enable": [ "Test.Gadgets" ] },
            { "name": "gadgets", "count": 3 }
            """));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(["feature", "Gadgets"], result.StepsRun);
        Assert.True(site.Services.GetRequiredService<IModuleState>().IsEnabled(GadgetsModule.Id));
        var gadgets = await site.InScopeAsync(sp => sp.GetRequiredService<ISiteSettingsStore>().GetAsync<GadgetsSettings>(GadgetsStep.Section, CancellationToken.None));
        Assert.Equal(3, gadgets.Count);
    }

    [Fact]
    public async Task A_module_step_before_its_module_is_enabled_stops_the_recipe()
    {
        await using var site = TestSite.Start(GadgetsModule.AddTo);
        var before = await site.SnapshotAsync();

        var result = await site.RunRecipeAsync(Recipe("""
            { "name": "Settings", "SiteName": "Changed" },
            { "name": "Gadgets", "count": 3 },
            { "name": "feature", "enable": [ "Test.Gadgets" ] }
            """));

        Assert.False(result.Succeeded);
        Assert.Equal("Step 2 'Gadgets', field 'name': Step 'Gadgets' belongs to module 'Test.Gadgets', which is not enabled; enable it first with a 'feature' step.", result.Error);
        Assert.Equal(before, await site.SnapshotAsync());
    }

    [Theory]
    [InlineData("not json", "The recipe is not valid JSON")]
    [InlineData("""{ "name": "no-steps" }""", "The recipe has no 'steps' array.")]
    [InlineData("""{ "name": "x", "steps": [ 42 ] }""", "Step 1 '?', field 'name': Each step must be an object with a 'name'.")]
    [InlineData("""{ "name": "x", "steps": [ { "name": "Settings", "PageSize": "twenty" } ] }""", "Step 1 'Settings', field 'PageSize': must be a whole number.")]
    public async Task A_malformed_recipe_is_refused_with_a_message(string json, string expectedError)
    {
        await using var site = TestSite.Start();

        var result = await site.RunRecipeAsync(json);

        Assert.False(result.Succeeded);
        Assert.StartsWith(expectedError, result.Error, StringComparison.Ordinal);
    }
}
