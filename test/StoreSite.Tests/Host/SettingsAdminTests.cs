using System.Net;
using StoreSite.Tests.Infrastructure;

namespace StoreSite.Tests.Host;

public sealed class SettingsAdminTests
{
    private const string Form = "form[action='/admin/settings']";

    [Fact]
    public async Task Settings_page_shows_the_current_settings()
    {
        await using var site = TestSite.Start();
        var admin = await site.AdminAsync();

        var page = await admin.GetDocumentAsync("/admin/settings");

        Assert.Equal("Test Store", page.QuerySelector("input[name='SiteName']")?.GetAttribute("value"));
        Assert.Equal("UTC", page.QuerySelector("input[name='TimeZone']")?.GetAttribute("value"));
        Assert.Equal("20", page.QuerySelector("input[name='PageSize']")?.GetAttribute("value"));
        Assert.Equal("USD", page.QuerySelector("input[name='Currency']")?.GetAttribute("value"));
    }

    [Theory]
    [InlineData("TimeZone", "Mars/Olympus_Mons", "'Mars/Olympus_Mons' is not a known time zone.")]
    [InlineData("PageSize", "0", "The page size must be between 5 and 200.")]
    [InlineData("PageSize", "201", "The page size must be between 5 and 200.")]
    [InlineData("Currency", "US1", "The currency must be a three-letter ISO 4217 code such as USD or EUR.")]
    [InlineData("Currency", "DOLLAR", "The currency must be a three-letter ISO 4217 code such as USD or EUR.")]
    [InlineData("SiteName", "", "Enter the site name.")]
    public async Task A_bad_value_shows_a_message_next_to_its_field_and_nothing_is_saved(string field, string value, string message)
    {
        await using var site = TestSite.Start();
        var admin = await site.AdminAsync();

        using var response = await admin.SubmitFormAsync("/admin/settings", Form, new Dictionary<string, string>
        {
            ["SiteName"] = "Not Saved",
            [field] = value,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(message, Html.FieldError(await Html.ParseAsync(response), field));
        var page = await admin.GetDocumentAsync("/admin/settings");
        Assert.Equal("Test Store", page.QuerySelector("input[name='SiteName']")?.GetAttribute("value"));
    }

    [Fact]
    public async Task A_hostile_megabyte_site_name_gets_a_message_not_an_error()
    {
        await using var site = TestSite.Start();
        var admin = await site.AdminAsync();

        using var response = await admin.SubmitFormAsync("/admin/settings", Form, new Dictionary<string, string> { ["SiteName"] = new string('A', 1_000_000) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("The site name must be at most 100 characters.", Html.FieldError(await Html.ParseAsync(response), "SiteName"));
    }

    [Fact]
    public async Task Saving_valid_settings_stores_them_and_the_site_shows_the_new_name()
    {
        await using var site = TestSite.Start();
        var admin = await site.AdminAsync();

        using var response = await admin.SubmitFormAsync("/admin/settings", Form, new Dictionary<string, string>
        {
            ["SiteName"] = "  Acme Plugins  ",
            ["TimeZone"] = "Europe/Paris",
            ["PageSize"] = "50",
            ["Currency"] = "eur",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await admin.GetDocumentAsync("/admin/settings");
        Assert.Equal("Settings saved.", page.QuerySelector(".notice-success")?.TextContent.Trim());
        Assert.Equal("Acme Plugins", page.QuerySelector("input[name='SiteName']")?.GetAttribute("value"));
        Assert.Equal("Europe/Paris", page.QuerySelector("input[name='TimeZone']")?.GetAttribute("value"));
        Assert.Equal("50", page.QuerySelector("input[name='PageSize']")?.GetAttribute("value"));
        Assert.Equal("EUR", page.QuerySelector("input[name='Currency']")?.GetAttribute("value"));
        var home = await site.CreateClient().GetDocumentAsync("/");
        Assert.Equal("Home - Acme Plugins", home.Title);
    }
}
