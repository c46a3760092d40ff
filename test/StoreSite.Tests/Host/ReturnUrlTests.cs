using System.Net;
using StoreSite.Tests.Infrastructure;

namespace StoreSite.Tests.Host;

/// <summary>
/// A return URL the client chose, sent back after sign-in and registration, on a real Kestrel server
/// (which refuses to send a <c>Location</c> header holding anything but printable ASCII).
/// </summary>
public sealed class ReturnUrlTests
{
    /// <summary>The return URL posted, and where the browser must be sent.</summary>
    public static TheoryData<string, string> Cases => new()
    {
        { "/café", "/caf%C3%A9" },
        { "/a\u2028b", "/a%E2%80%A8b" },
        { "/products?q=über grün#top", "/products?q=%C3%BCber%20gr%C3%BCn#top" },
        { "/\U0001F600", "/%F0%9F%98%80" },
        { "/a\r\nSet-Cookie: stolen=1", "/account" },
        { "/a\u0007b", "/account" },
        { "/a\u0085b", "/account" },
        { "/\t/evil.example", "/account" },
        { "//evil.example", "/account" },
        { "/\\evil.example", "/account" },
        { "http://evil.example/", "/account" },
        { "/%2F%2Fevil.example", "/%2F%2Fevil.example" },
        { "/admin/settings", "/admin/settings" },
    };

    private static TestSite Start() => TestSite.Start(o =>
    {
        o.Kestrel = true;
        o.Settings["StoreSite:SignIn:PermitPerMinute"] = "1000";
    });

    private static HttpClient Browser(TestSite site) =>
        new(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = site.BaseAddress };

    private static void AssertLocalRedirect(HttpResponseMessage response, string expected, string returnUrl)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{Escape(returnUrl)} answered {(int)response.StatusCode}.");
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/", location, StringComparison.Ordinal);
        Assert.False(location.StartsWith("//", StringComparison.Ordinal) || location.StartsWith("/\\", StringComparison.Ordinal), location);
        Assert.Equal(expected, location);
    }

    private static string Escape(string value) => string.Concat(value.Select(c => c is < ' ' or > '~' ? $"\\u{(int)c:X4}" : c.ToString()));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Registration_with_any_return_url_creates_the_account_signs_in_and_redirects_locally(string returnUrl, string expected)
    {
        await using var site = Start();
        using var browser = Browser(site);

        using var response = await browser.SubmitFormAsync("/account/register", "form[action='/account/register']", new Dictionary<string, string>
        {
            ["Email"] = "returning@example.com",
            ["Password"] = TestSite.CustomerPassword,
            ["ConfirmPassword"] = TestSite.CustomerPassword,
            ["ReturnUrl"] = returnUrl,
        });

        AssertLocalRedirect(response, expected, returnUrl);
        using var account = await browser.GetAsync("/account");
        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
        Assert.Contains("returning@example.com", await account.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Sign_in_with_any_return_url_signs_in_and_redirects_locally(string returnUrl, string expected)
    {
        await using var site = Start();
        using var browser = Browser(site);

        using var response = await browser.SubmitFormAsync("/account/login", "form[action='/account/login']", new Dictionary<string, string>
        {
            ["Email"] = TestSite.AdminEmail,
            ["Password"] = TestSite.AdminPassword,
            ["ReturnUrl"] = returnUrl,
        });

        // A dropped return URL lands an admin on the dashboard (a customer on /account, as Register shows).
        AssertLocalRedirect(response, expected == "/account" ? "/admin" : expected, returnUrl);
        using var account = await browser.GetAsync("/account");
        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
    }

    [Fact]
    public async Task The_sign_in_page_keeps_a_non_ascii_return_url_encoded_in_its_form_and_links()
    {
        await using var site = Start();
        using var browser = Browser(site);

        var page = await browser.GetDocumentAsync("/account/login?returnUrl=%2Fcaf%C3%A9");

        Assert.Equal("/caf%C3%A9", page.QuerySelector("input[name='ReturnUrl']")?.GetAttribute("value"));
        Assert.Equal("/account/register?returnUrl=%2Fcaf%25C3%25A9", page.QuerySelector("a[href^='/account/register?']")?.GetAttribute("href"));
    }

    [Fact]
    public async Task Sign_in_and_registration_posted_without_a_return_url_field_go_to_the_dashboard_and_the_account()
    {
        await using var site = Start();
        using var browser = Browser(site);

        var login = await browser.GetDocumentAsync("/account/login");
        using var signIn = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = TestSite.AdminEmail,
            ["Password"] = TestSite.AdminPassword,
            ["__RequestVerificationToken"] = Html.AntiforgeryToken(login),
        }));
        AssertLocalRedirect(signIn, "/admin", "(no field)");

        using var other = Browser(site);
        var register = await other.GetDocumentAsync("/account/register");
        using var created = await other.PostAsync("/account/register", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "plain-post@example.com",
            ["Password"] = TestSite.CustomerPassword,
            ["ConfirmPassword"] = TestSite.CustomerPassword,
            ["__RequestVerificationToken"] = Html.AntiforgeryToken(register),
        }));
        AssertLocalRedirect(created, "/account", "(no field)");
    }
}
