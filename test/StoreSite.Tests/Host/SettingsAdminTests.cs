using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
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
        Assert.Equal("UTC", Selected(page, "TimeZone"));
        Assert.Equal("20", page.QuerySelector("input[name='PageSize']")?.GetAttribute("value"));
        Assert.Equal("USD", Selected(page, "Currency"));
    }

    [Fact]
    public async Task Time_zone_and_currency_are_chosen_from_lists_not_typed()
    {
        await using var site = TestSite.Start();
        var admin = await site.AdminAsync();

        var page = await admin.GetDocumentAsync("/admin/settings");

        Assert.Null(page.QuerySelector("input[name='TimeZone']"));
        Assert.Null(page.QuerySelector("input[name='Currency']"));
        var zones = Options(page, "TimeZone");
        Assert.Equal("Europe/Paris (UTC+01:00)", zones["Europe/Paris"]);
        Assert.Equal("America/New_York (UTC-05:00)", zones["America/New_York"]);
        Assert.Equal("Asia/Kathmandu (UTC+05:45)", zones["Asia/Kathmandu"]);
        Assert.Equal("UTC (UTC)", zones["UTC"]);
        Assert.DoesNotContain(zones.Keys, id => id.EndsWith("Standard Time", StringComparison.Ordinal));
        var currencies = Options(page, "Currency");
        Assert.Equal("EUR – Euro", currencies["EUR"]);
        Assert.Equal("JPY – Japanese Yen", currencies["JPY"]);
        Assert.True(currencies.Count > 100, $"only {currencies.Count} currencies");
        Assert.All(currencies.Keys, code => Assert.Matches("^[A-Z]{3}$", code));
    }

    [Fact]
    public async Task Every_currency_of_the_list_is_written_with_its_own_minor_units()
    {
        await using var site = TestSite.Start();
        var admin = await site.AdminAsync();

        var codes = Options(await admin.GetDocumentAsync("/admin/settings"), "Currency").Keys;

        Assert.All(codes, code =>
        {
            var written = CP.Commerce.Services.Money.Format(1234m, code);
            var digits = StoreSite.Settings.IsoCurrencies.MinorUnits(code);
            Assert.Equal(digits == 0 ? $"1,234 {code}" : $"1,234.{new string('0', digits)} {code}", written);
        });
        Assert.Equal(0, StoreSite.Settings.IsoCurrencies.MinorUnits("JPY"));
        Assert.Equal(3, StoreSite.Settings.IsoCurrencies.MinorUnits("KWD"));
        Assert.Equal(2, StoreSite.Settings.IsoCurrencies.MinorUnits("EUR"));
    }

    [Theory]
    [InlineData("TimeZone", "Mars/Olympus_Mons", "'Mars/Olympus_Mons' is not a known time zone.")]
    [InlineData("PageSize", "0", "The page size must be between 5 and 200.")]
    [InlineData("PageSize", "201", "The page size must be between 5 and 200.")]
    [InlineData("Currency", "US1", "The currency must be a three-letter ISO 4217 code such as USD or EUR.")]
    [InlineData("Currency", "DOLLAR", "The currency must be a three-letter ISO 4217 code such as USD or EUR.")]
    [InlineData("Currency", "XYZ", "The currency must be a three-letter ISO 4217 code such as USD or EUR.")]
    [InlineData("Currency", "", "Choose a currency.")]
    [InlineData("TimeZone", "", "Choose a time zone.")]
    [InlineData("TimeZone", "Europe/Atlantis", "'Europe/Atlantis' is not a known time zone.")]
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
            ["ConfirmCurrency"] = "EUR",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await admin.GetDocumentAsync("/admin/settings");
        Assert.Equal("Settings saved.", page.QuerySelector(".notice-success")?.TextContent.Trim());
        Assert.Equal("Acme Plugins", page.QuerySelector("input[name='SiteName']")?.GetAttribute("value"));
        Assert.Equal("Europe/Paris", Selected(page, "TimeZone"));
        Assert.Equal("50", page.QuerySelector("input[name='PageSize']")?.GetAttribute("value"));
        Assert.Equal("EUR", Selected(page, "Currency"));
        var home = await site.CreateClient().GetDocumentAsync("/");
        Assert.Equal("Home - Acme Plugins", home.Title);
    }

    [Fact]
    public async Task A_windows_time_zone_id_is_stored_as_its_iana_id()
    {
        await using var site = TestSite.Start();
        var admin = await site.AdminAsync();

        using var response = await admin.SubmitFormAsync("/admin/settings", Form, new Dictionary<string, string> { ["TimeZone"] = "Romance Standard Time" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Europe/Paris", Selected(await admin.GetDocumentAsync("/admin/settings"), "TimeZone"));
    }

    internal static string? Selected(IDocument page, string name) =>
        (page.QuerySelector($"select[name='{name}']") as IHtmlSelectElement)?.Value;

    private static Dictionary<string, string> Options(IDocument page, string name) =>
        page.QuerySelectorAll($"select[name='{name}'] option").ToDictionary(o => o.GetAttribute("value")!, o => o.TextContent.Trim());
}
