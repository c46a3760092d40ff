using System.Net;
using CP.Commerce.Cart;
using StoreSite.Tests.Commerce;
using StoreSite.Tests.Host.Support;
using StoreSite.Tests.Infrastructure;

namespace StoreSite.Tests.Host;

/// <summary>
/// Over https every cookie the site sets is Secure and responses carry Strict-Transport-Security;
/// over plain http neither (the proxied case is in <see cref="ForwardedHeadersTests"/>). The host
/// name is not localhost, which HSTS leaves out by default.
/// </summary>
public sealed class HttpsTests
{
    private const string TempDataCookie = ".AspNetCore.Mvc.CookieTempDataProvider";

    [Theory]
    [InlineData("https", true)]
    [InlineData("http", false)]
    public async Task Cookies_are_secure_and_hsts_is_sent_exactly_when_the_request_is_https(string scheme, bool https)
    {
        await using var site = TestSite.Start();
        var client = site.CreateClient();
        client.BaseAddress = new Uri($"{scheme}://store.example.com");

        using var login = await client.GetAsync("/account/login");
        using var signedIn = await client.SubmitFormAsync("/account/login", "form[action='/account/login']", new Dictionary<string, string>
        {
            ["Email"] = TestSite.AdminEmail,
            ["Password"] = TestSite.AdminPassword,
        });
        using var added = await client.AddToCartAsync(Store.SiteBuilder, Store.SingleSite);

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal(https, ResponseCookies.HasHsts(login));
        Assert.Equal(https, ResponseCookies.SetCookie(login, ".StoreSite.Antiforgery").Secure);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(https, ResponseCookies.SetCookie(signedIn, ".StoreSite.Auth").Secure);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(https, ResponseCookies.SetCookie(added, CartStore.CookieName).Secure);
        Assert.Equal(https, ResponseCookies.SetCookie(added, TempDataCookie).Secure);
        Assert.Equal(https, ResponseCookies.HasHsts(added));
    }

    [Fact]
    public async Task Hsts_asks_browsers_to_keep_to_https_for_30_days()
    {
        await using var site = TestSite.Start();
        var client = site.CreateClient();
        client.BaseAddress = new Uri("https://store.example.com");

        using var page = await client.GetAsync("/");

        Assert.Equal("max-age=2592000", page.Headers.GetValues(ResponseCookies.Hsts).Single());
    }
}
