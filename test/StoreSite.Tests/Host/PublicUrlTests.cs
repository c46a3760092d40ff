using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using StoreSite.Settings;
using StoreSite.Tests.Commerce;
using StoreSite.Tests.Host.Support;
using StoreSite.Tests.Infrastructure;
using StoreSite.Web.Hosting;

namespace StoreSite.Tests.Host;

/// <summary>
/// Links in mail start with the site's public address: <c>StoreSite:PublicUrl</c>, else the address
/// recorded at setup or in Admin -> Settings, else the server's own listening address; never the Host
/// (or X-Forwarded-Host) header of the request that made the mail go out.
/// </summary>
public sealed class PublicUrlTests
{
    private const string SettingsForm = "form[action='/admin/settings']";

    /// <summary>The hostile headers a client can send: its own Host, or a forwarded host as a proxy would.</summary>
    public static TheoryData<string, string> HostileHosts => new()
    {
        { "Host", "evil.example" },
        { "X-Forwarded-Host", "evil.example" },
    };

    private static void SendHostile(HttpClient client, string header, string value)
    {
        if (header == "Host")
        {
            client.DefaultRequestHeaders.Host = value;
        }
        else
        {
            client.DefaultRequestHeaders.Add(header, value);
        }
    }

    /// <summary>A cookie-keeping client of a site served on Kestrel (<see cref="TestSiteOptions.Kestrel"/>), over a real socket.</summary>
    private static HttpClient KestrelClient(TestSite site) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = site.BaseAddress };

    /// <summary>Registers <paramref name="email"/> through the registration form; the client is signed in.</summary>
    private static async Task RegisterAsync(HttpClient client, string email)
    {
        using var registered = await client.SubmitFormAsync("/account/register", "form[action='/account/register']", new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = TestSite.CustomerPassword,
            ["ConfirmPassword"] = TestSite.CustomerPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
    }

    /// <summary>Registers <paramref name="email"/>, then asks for a reset on <paramref name="client"/>, which sends the hostile header; returns the mail.</summary>
    private static async Task<MimeMessage> HostileResetMailAsync(TestSite site, HttpClient client, string email, string header, string value)
    {
        using (var registering = site.Options.Kestrel ? KestrelClient(site) : site.CreateClient())
        {
            await RegisterAsync(registering, email);
        }

        var page = await client.GetDocumentAsync("/account/forgot-password");
        SendHostile(client, header, value);
        using var asked = await client.SubmitFormAsync(page, "form[action='/account/forgot-password']", new Dictionary<string, string> { ["Email"] = email });
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        await site.PasswordResetsHandledAsync();
        return Assert.Single(MailPickup.To(site.MailFolder, email));
    }

    private static void AssertNoHostileHost(MimeMessage mail) =>
        Assert.DoesNotContain("evil.example", mail.TextBody + mail.HtmlBody, StringComparison.OrdinalIgnoreCase);

    private static Task<HttpResponseMessage> SaveSettingsAsync(HttpClient admin, string publicUrl) =>
        admin.SubmitFormAsync("/admin/settings", SettingsForm, new Dictionary<string, string> { ["PublicUrl"] = publicUrl });

    private static Task<string?> RecordedAsync(TestSite site) =>
        site.InScopeAsync(async sp => (await sp.GetRequiredService<ISiteSettingsStore>().GetAsync<SiteSettings>(SiteSettings.Section, CancellationToken.None)).PublicUrl);

    [Theory]
    [MemberData(nameof(HostileHosts))]
    public async Task A_reset_link_asked_for_with_a_hostile_host_is_on_the_configured_public_url(string header, string value)
    {
        await using var site = TestSite.Start(o =>
        {
            o.Settings["StoreSite:PublicUrl"] = "https://store.example.com/shop";
            o.Settings["StoreSite:AutoSetup:PublicUrl"] = "https://recorded.example.com/";
        });

        var mail = await HostileResetMailAsync(site, site.CreateClient(), "configured@example.com", header, value);

        Assert.StartsWith("https://store.example.com/shop/account/reset-password?email=configured%40example.com&code=", MailPickup.ResetUri(mail).AbsoluteUri, StringComparison.Ordinal);
        AssertNoHostileHost(mail);
    }

    [Theory]
    [MemberData(nameof(HostileHosts))]
    public async Task A_reset_link_asked_for_with_a_hostile_host_is_on_the_recorded_public_url(string header, string value)
    {
        await using var site = TestSite.Start();
        using (var saved = await SaveSettingsAsync(await site.AdminAsync(), "https://Shop.Example.com/store"))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var mail = await HostileResetMailAsync(site, site.CreateClient(), "recorded@example.com", header, value);

        Assert.StartsWith("https://shop.example.com/store/account/reset-password?email=recorded%40example.com&code=", MailPickup.ResetUri(mail).AbsoluteUri, StringComparison.Ordinal);
        AssertNoHostileHost(mail);
    }

    [Theory]
    [MemberData(nameof(HostileHosts))]
    public async Task A_reset_link_asked_for_with_a_hostile_host_and_no_public_url_is_on_the_servers_own_address(string header, string value)
    {
        await using var site = TestSite.Start(o => o.Kestrel = true);
        Assert.Null(await RecordedAsync(site));
        using var client = KestrelClient(site);

        var mail = await HostileResetMailAsync(site, client, "server@example.com", header, value);

        var link = MailPickup.ResetUri(mail);
        Assert.Equal(site.BaseAddress.GetLeftPart(UriPartial.Authority), link.GetLeftPart(UriPartial.Authority));
        Assert.StartsWith("/account/reset-password?email=server%40example.com&code=", link.PathAndQuery, StringComparison.Ordinal);
        AssertNoHostileHost(mail);
    }

    [Fact]
    public async Task Without_a_server_address_the_reset_link_is_on_the_configured_urls_with_a_wildcard_host_as_localhost()
    {
        await using var site = TestSite.Start(o => o.Settings["urls"] = "http://+:5080;https://[::]:5443");

        var mail = await HostileResetMailAsync(site, site.CreateClient(), "urls@example.com", "Host", "evil.example");

        Assert.StartsWith("https://localhost:5443/account/reset-password?", MailPickup.ResetUri(mail).AbsoluteUri, StringComparison.Ordinal);
        AssertNoHostileHost(mail);
    }

    [Theory]
    [InlineData("http://+:8080", "http://localhost:8080/")]
    [InlineData("http://*:80", "http://localhost/")]
    [InlineData("http://0.0.0.0:5000", "http://localhost:5000/")]
    [InlineData("http://[::]:5000", "http://localhost:5000/")]
    [InlineData("https://[::]:443", "https://localhost/")]
    [InlineData("http://127.0.0.1:41234", "http://127.0.0.1:41234/")]
    [InlineData("http://[::1]:5000", "http://[::1]:5000/")]
    [InlineData("HTTP://Store.Example.com:8080/ignored", "http://store.example.com:8080/")]
    public void A_listening_address_becomes_a_base_address_with_a_wildcard_host_as_localhost(string listening, string expected) =>
        Assert.Equal(expected, ListeningAddress.Parse(listening)?.AbsoluteUri);

    [Theory]
    [InlineData("unix:/tmp/store.sock")]
    [InlineData("ftp://store.example.com")]
    [InlineData("http://localhost:0")]
    [InlineData("http://localhost:99999")]
    [InlineData("not an address")]
    public void A_listening_address_that_is_no_web_address_is_skipped(string listening)
    {
        Assert.Null(ListeningAddress.Parse(listening));
        Assert.Equal(ListeningAddress.Fallback, ListeningAddress.Choose([listening]));
    }

    [Fact]
    public async Task The_order_confirmation_of_a_checkout_with_a_hostile_host_links_to_the_recorded_public_url()
    {
        await using var site = TestSite.Start();
        (await SaveSettingsAsync(await site.AdminAsync(), "https://shop.example.com/")).Dispose();
        var client = await site.RegisterCustomerAsync("order@example.com");
        (await client.AddToCartAsync(Store.SiteBuilder, Store.SingleSite)).Dispose();
        var checkout = await client.GetDocumentAsync("/checkout");
        client.DefaultRequestHeaders.Host = "evil.example";
        client.DefaultRequestHeaders.Add("X-Forwarded-Host", "evil.example");

        using var paid = await client.SubmitFormAsync(checkout, "form.checkout-form", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        var number = paid.Headers.Location!.OriginalString["/checkout/done/".Length..];
        var mail = site.Mails().Single(m => m.Subject == $"Your order {number} at Test Store");
        Assert.Equal($"https://shop.example.com/account/orders/{number}", MailPickup.OrderUri(mail).AbsoluteUri);
        Assert.Contains($"<a href=\"https://shop.example.com/account/orders/{number}\">", mail.HtmlBody, StringComparison.Ordinal);
        AssertNoHostileHost(mail);
    }

    [Fact]
    public async Task The_order_confirmation_of_a_checkout_with_a_hostile_host_and_no_public_url_links_to_the_servers_own_address()
    {
        await using var site = TestSite.Start(o => o.Kestrel = true);
        using var client = KestrelClient(site);
        await RegisterAsync(client, "server.order@example.com");

        (await client.AddToCartAsync(Store.SiteBuilder, Store.SingleSite)).Dispose();
        var checkout = await client.GetDocumentAsync("/checkout");
        client.DefaultRequestHeaders.Host = "evil.example";

        using var paid = await client.SubmitFormAsync(checkout, "form.checkout-form", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        var number = paid.Headers.Location!.OriginalString["/checkout/done/".Length..];
        var mail = site.Mails().Single(m => m.Subject == $"Your order {number} at Test Store");
        Assert.Equal(new Uri(site.BaseAddress, $"/account/orders/{number}"), MailPickup.OrderUri(mail));
        AssertNoHostileHost(mail);
    }

    [Fact]
    public async Task The_refund_notice_links_to_the_order_on_the_public_url_whatever_host_the_admin_used()
    {
        await using var site = TestSite.Start(o => o.Settings["StoreSite:PublicUrl"] = "https://store.example.com/");
        var (_, number) = await site.PaidOrderAsync("refunded@example.com");
        var admin = await site.AdminAsync();
        var refund = await admin.GetDocumentAsync($"/admin/orders/{number}/refund");
        admin.DefaultRequestHeaders.Host = "evil.example";

        using var refunded = await admin.SubmitFormAsync(refund, "form.refund-form", new Dictionary<string, string> { ["Reason"] = "Asked for" });

        Assert.Equal(HttpStatusCode.Redirect, refunded.StatusCode);
        var notice = site.Mails().Single(m => m.Subject == $"Your order {number} has been refunded");
        Assert.Equal($"https://store.example.com/account/orders/{number}", MailPickup.OrderUri(notice).AbsoluteUri);
        AssertNoHostileHost(notice);
    }

    [Fact]
    public async Task The_setup_page_prefills_the_public_address_from_its_own_address_and_records_the_one_submitted()
    {
        await using var site = TestSite.Start(o => o.Recipe = null);
        var client = site.CreateClient();

        var page = await client.GetDocumentAsync("/setup");
        Assert.Equal("http://localhost/", page.QuerySelector("input[name='PublicUrl']")?.GetAttribute("value"));
        using var setUp = await client.SubmitFormAsync(page, "form[action='/setup']", new Dictionary<string, string>
        {
            ["SiteName"] = "Acme Plugins",
            ["PublicUrl"] = " https://Plugins.Example.com/store ",
            ["AdminEmail"] = "owner@example.com",
            ["AdminPassword"] = "Owner-Passw0rd",
            ["ConfirmPassword"] = "Owner-Passw0rd",
        });

        Assert.Equal(HttpStatusCode.Redirect, setUp.StatusCode);
        Assert.Equal("https://plugins.example.com/store/", await RecordedAsync(site));
        var settings = await client.GetDocumentAsync("/admin/settings");
        Assert.Equal("https://plugins.example.com/store/", settings.QuerySelector("input[name='PublicUrl']")?.GetAttribute("value"));
        Assert.Null(settings.QuerySelector(".public-url-missing"));
        Assert.Null((await client.GetDocumentAsync("/admin")).QuerySelector(".public-url-missing"));
    }

    [Fact]
    public async Task The_setup_page_prefills_the_address_the_visitor_used_including_its_port()
    {
        await using var site = TestSite.Start(o => o.Recipe = null);
        var client = site.CreateClient();
        client.DefaultRequestHeaders.Host = "shop.example.com:8443";

        var page = await client.GetDocumentAsync("/setup");

        Assert.Equal("http://shop.example.com:8443/", page.QuerySelector("input[name='PublicUrl']")?.GetAttribute("value"));
    }

    public static TheoryData<string, string> BadPublicUrls => new()
    {
        { "ftp://store.example.com/", "The public address must be an absolute http:// or https:// address" },
        { "store.example.com", "The public address must be an absolute http:// or https:// address" },
        { "/account", "The public address must be an absolute http:// or https:// address" },
        { "javascript:alert(1)", "The public address must be an absolute http:// or https:// address" },
        { "https://owner:secret@store.example.com/", "without a user name, password, query or fragment" },
        { "https://store.example.com@evil.example/", "without a user name, password, query or fragment" },
        { "https://store.example.com/?utm=mail", "without a user name, password, query or fragment" },
        { "https://store.example.com/#top", "without a user name, password, query or fragment" },
        { "https://store.example.com:99999/", "The public address must be an absolute http:// or https:// address" },
        { "https://store example.com/", "The public address must be an absolute http:// or https:// address" },
        { "https://store.example.com/\u202Egnp", "The public address must be an absolute http:// or https:// address" },
        { "https://" + new string('a', 240) + ".example/", "at most 250 characters" },
    };

    [Theory]
    [MemberData(nameof(BadPublicUrls))]
    public async Task A_bad_public_address_on_the_setup_page_gets_a_message_next_to_the_field_and_sets_nothing_up(string value, string message)
    {
        await using var site = TestSite.Start(o => o.Recipe = null);
        var client = site.CreateClient();

        using var response = await client.SubmitFormAsync("/setup", "form[action='/setup']", new Dictionary<string, string>
        {
            ["SiteName"] = "Acme Plugins",
            ["PublicUrl"] = value,
            ["AdminEmail"] = "owner@example.com",
            ["AdminPassword"] = "Owner-Passw0rd",
            ["ConfirmPassword"] = "Owner-Passw0rd",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, Html.FieldError(await Html.ParseAsync(response), "PublicUrl"), StringComparison.Ordinal);
        using var home = await client.GetAsync("/");
        Assert.Equal("/setup", home.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task An_empty_public_address_on_the_setup_page_asks_for_one()
    {
        await using var site = TestSite.Start(o => o.Recipe = null);

        using var response = await site.CreateClient().SubmitFormAsync("/setup", "form[action='/setup']", new Dictionary<string, string>
        {
            ["SiteName"] = "Acme Plugins",
            ["PublicUrl"] = " ",
            ["AdminEmail"] = "owner@example.com",
            ["AdminPassword"] = "Owner-Passw0rd",
            ["ConfirmPassword"] = "Owner-Passw0rd",
        });

        Assert.Equal("Enter the address customers open the store at, such as https://store.example.com/.", Html.FieldError(await Html.ParseAsync(response), "PublicUrl"));
    }

    [Fact]
    public async Task With_a_configured_public_url_the_setup_page_shows_it_and_records_nothing()
    {
        await using var site = TestSite.Start(o =>
        {
            o.Recipe = null;
            o.Settings["StoreSite:PublicUrl"] = "https://configured.example.com";
        });
        var client = site.CreateClient();

        var page = await client.GetDocumentAsync("/setup");
        Assert.Null(page.QuerySelector("input[name='PublicUrl']"));
        Assert.Equal("https://configured.example.com/", page.QuerySelector("code.public-url")?.TextContent);
        using var setUp = await client.SubmitFormAsync(page, "form[action='/setup']", new Dictionary<string, string>
        {
            ["SiteName"] = "Acme Plugins",
            ["PublicUrl"] = "javascript:" + new string('a', 1000),
            ["AdminEmail"] = "owner@example.com",
            ["AdminPassword"] = "Owner-Passw0rd",
            ["ConfirmPassword"] = "Owner-Passw0rd",
        });

        Assert.Equal(HttpStatusCode.Redirect, setUp.StatusCode);
        Assert.Null(await RecordedAsync(site));
    }

    [Fact]
    public async Task Headless_setup_records_the_auto_setup_public_url()
    {
        await using var site = TestSite.Start(o => o.Settings["StoreSite:AutoSetup:PublicUrl"] = "https://headless.example.com/shop");

        Assert.Equal("https://headless.example.com/shop/", await RecordedAsync(site));
        var mail = await HostileResetMailAsync(site, site.CreateClient(), "headless@example.com", "Host", "evil.example");
        Assert.StartsWith("https://headless.example.com/shop/account/reset-password?", MailPickup.ResetUri(mail).AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Headless_setup_with_a_bad_public_url_fails_the_start_naming_the_setting()
    {
        var error = Assert.ThrowsAny<Exception>(() => TestSite.Start(o => o.Settings["StoreSite:AutoSetup:PublicUrl"] = "https://owner:secret@store.example.com/"));

        var message = error.ToString();
        Assert.Contains("StoreSite:AutoSetup:PublicUrl", message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://owner:secret@store.example.com/")]
    [InlineData("https://store.example.com/?from=mail")]
    [InlineData("ftp://store.example.com/")]
    public void A_bad_configured_public_url_fails_the_start_naming_the_key(string value)
    {
        var error = Assert.ThrowsAny<Exception>(() => TestSite.Start(o => o.Settings["StoreSite:PublicUrl"] = value));

        var message = error.ToString();
        Assert.Contains("StoreSite:PublicUrl: The public address must be an absolute http:// or https:// address", message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_public_address_settings_and_the_dashboard_say_so_and_what_mails_link_to_now()
    {
        await using var site = TestSite.Start();
        var admin = await site.AdminAsync();

        var settings = await admin.GetDocumentAsync("/admin/settings");
        var dashboard = await admin.GetDocumentAsync("/admin");

        Assert.Equal(string.Empty, settings.QuerySelector("input[name='PublicUrl']")?.GetAttribute("value") ?? string.Empty);
        foreach (var page in new[] { settings, dashboard })
        {
            var warning = page.QuerySelector(".public-url-missing")?.TextContent ?? string.Empty;
            Assert.Contains("The public address", warning, StringComparison.Ordinal);
            Assert.Contains("not set", warning, StringComparison.Ordinal);
            Assert.Contains("http://localhost/", warning, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Admin_settings_records_a_public_address_in_one_form_and_an_empty_one_clears_it()
    {
        await using var site = TestSite.Start();
        var admin = await site.AdminAsync();

        using (var saved = await SaveSettingsAsync(admin, "  HTTPS://Store.Example.COM:443/Shop  "))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var page = await admin.GetDocumentAsync("/admin/settings");
        Assert.Equal("https://store.example.com/Shop/", page.QuerySelector("input[name='PublicUrl']")?.GetAttribute("value"));
        Assert.Null(page.QuerySelector(".public-url-missing"));
        Assert.Equal("https://store.example.com/Shop/", await RecordedAsync(site));

        using (var cleared = await SaveSettingsAsync(admin, string.Empty))
        {
            Assert.Equal(HttpStatusCode.Redirect, cleared.StatusCode);
        }

        Assert.Null(await RecordedAsync(site));
        Assert.NotNull((await admin.GetDocumentAsync("/admin/settings")).QuerySelector(".public-url-missing"));
    }

    [Fact]
    public async Task Admin_settings_records_an_international_host_in_its_ascii_form()
    {
        await using var site = TestSite.Start();

        (await SaveSettingsAsync(await site.AdminAsync(), "https://bücher.example/")).Dispose();

        Assert.Equal("https://xn--bcher-kva.example/", await RecordedAsync(site));
    }

    [Theory]
    [MemberData(nameof(BadPublicUrls))]
    public async Task A_bad_public_address_in_admin_settings_gets_a_message_next_to_the_field_and_nothing_is_saved(string value, string message)
    {
        await using var site = TestSite.Start(o => o.Settings["StoreSite:AutoSetup:PublicUrl"] = "https://kept.example.com/");
        var admin = await site.AdminAsync();

        using var response = await admin.SubmitFormAsync("/admin/settings", SettingsForm, new Dictionary<string, string>
        {
            ["SiteName"] = "Not Saved",
            ["PublicUrl"] = value,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains(message, Html.FieldError(page, "PublicUrl"), StringComparison.Ordinal);
        Assert.Equal("https://kept.example.com/", await RecordedAsync(site));
        Assert.Equal("Test Store", (await admin.GetDocumentAsync("/admin/settings")).QuerySelector("input[name='SiteName']")?.GetAttribute("value"));
    }

    [Fact]
    public async Task With_a_configured_public_url_admin_settings_shows_it_read_only_says_it_wins_and_keeps_the_recorded_one()
    {
        await using var site = TestSite.Start(o =>
        {
            o.Settings["StoreSite:PublicUrl"] = "https://configured.example.com/";
            o.Settings["StoreSite:AutoSetup:PublicUrl"] = "https://recorded.example.com/";
        });
        var admin = await site.AdminAsync();

        var page = await admin.GetDocumentAsync("/admin/settings");
        Assert.Null(page.QuerySelector("input[name='PublicUrl']"));
        Assert.Equal("https://configured.example.com/", page.QuerySelector("code.public-url")?.TextContent);
        Assert.Contains("which wins", page.QuerySelector(".public-url-field")?.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector(".public-url-missing"));
        using var saved = await admin.SubmitFormAsync(page, SettingsForm, new Dictionary<string, string> { ["SiteName"] = "Renamed", ["PublicUrl"] = "https://posted.example.com/" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("https://recorded.example.com/", await RecordedAsync(site));
        Assert.Null((await admin.GetDocumentAsync("/admin")).QuerySelector(".public-url-missing"));
    }

    [Fact]
    public async Task The_settings_recipe_step_records_a_public_address_and_an_empty_one_clears_it()
    {
        await using var site = TestSite.Start();

        var recorded = await site.RunRecipeAsync("""{ "name": "x", "steps": [ { "name": "Settings", "PublicUrl": "https://Recipe.Example.com" } ] }""");
        Assert.True(recorded.Succeeded, recorded.Error);
        Assert.Equal("https://recipe.example.com/", await RecordedAsync(site));

        var cleared = await site.RunRecipeAsync("""{ "name": "x", "steps": [ { "name": "Settings", "PublicUrl": "" } ] }""");
        Assert.True(cleared.Succeeded, cleared.Error);
        Assert.Null(await RecordedAsync(site));
    }

    [Theory]
    [InlineData("\"https://owner:secret@store.example.com/\"", "Step 1 'Settings', field 'PublicUrl': The public address must be an absolute http:// or https:// address")]
    [InlineData("\"store.example.com\"", "Step 1 'Settings', field 'PublicUrl': The public address must be an absolute http:// or https:// address")]
    [InlineData("42", "Step 1 'Settings', field 'PublicUrl': must be a string.")]
    public async Task A_bad_public_address_in_the_settings_recipe_step_stops_it_naming_the_field(string value, string error)
    {
        await using var site = TestSite.Start(o => o.Settings["StoreSite:AutoSetup:PublicUrl"] = "https://kept.example.com/");

        var result = await site.RunRecipeAsync($$"""{ "name": "x", "steps": [ { "name": "Settings", "SiteName": "Changed", "PublicUrl": {{value}} } ] }""");

        Assert.False(result.Succeeded);
        Assert.StartsWith(error, result.Error, StringComparison.Ordinal);
        Assert.Equal("https://kept.example.com/", await RecordedAsync(site));
    }

    [Fact]
    public async Task The_public_address_service_says_where_the_address_comes_from()
    {
        await using var site = TestSite.Start();

        var before = await site.InScopeAsync(sp => sp.GetRequiredService<IPublicSiteAddress>().GetAsync(CancellationToken.None));
        (await SaveSettingsAsync(await site.AdminAsync(), "https://shop.example.com/")).Dispose();
        var after = await site.InScopeAsync(sp => sp.GetRequiredService<IPublicSiteAddress>().GetAsync(CancellationToken.None));

        Assert.Equal((PublicSiteAddressSource.Server, false), (before.Source, before.IsSet));
        Assert.Equal((PublicSiteAddressSource.Settings, true, "https://shop.example.com/"), (after.Source, after.IsSet, after.BaseUrl.AbsoluteUri));
        Assert.Equal("https://shop.example.com/account/orders/A%2FB", after.Link("/account/orders/" + Uri.EscapeDataString("A/B")).AbsoluteUri);
        Assert.Throws<ArgumentException>(() => after.Link("https://evil.example/"));
        Assert.Equal("shop.example.com", after.Link("//evil.example/x").Host);
    }
}
