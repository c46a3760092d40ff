using System.Net;
using System.Text;
using System.Text.Json;
using CP.Licensing.Models;
using StoreSite.Tests.Host.Support;
using StoreSite.Tests.Infrastructure;
using StoreSite.Tests.Licensing;
using static StoreSite.Tests.Licensing.LicensingArrange;

namespace StoreSite.Tests.Host;

/// <summary>
/// X-Forwarded-For and X-Forwarded-Proto are read only from configured proxies (with none configured,
/// from nobody); X-Forwarded-Host never. Tested on what they could move: the rate limits' client
/// address, the environment IP the Verify API records, and the scheme (HSTS, Secure cookies).
/// </summary>
public sealed class ForwardedHeadersTests
{
    private const string Proxy = "192.0.2.200";
    private const string OtherProxy = "192.0.2.201";
    private const string Attacker = "198.51.100.66";
    private const string PublicHost = "http://store.example.com";

    private static void Proxies(TestSiteOptions options, string? knownProxies)
    {
        if (knownProxies is not null)
        {
            options.Settings["StoreSite:ForwardedHeaders:KnownProxies"] = knownProxies;
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, string from, HttpContent? content, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.Add(TestRemoteAddressStartupFilter.Header, from);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> PostVerifyAsync(HttpClient client, string body, string from, params (string Name, string Value)[] headers) =>
        SendAsync(client, HttpMethod.Post, VerifyUrl, from, new StringContent(body, Encoding.UTF8, "application/json"), headers);

    private static Task<HttpResponseMessage> VerifyKeyAsync(HttpClient client, string key, string domain, string from, string? forwardedFor = null) =>
        PostVerifyAsync(
            client,
            JsonSerializer.Serialize(new Dictionary<string, string> { ["license_key"] = key, ["domain"] = domain, ["ip"] = "203.0.113.10" }),
            from,
            forwardedFor is null ? [] : [("X-Forwarded-For", forwardedFor)]);

    private static HttpClient PublicClient(TestSite site)
    {
        var client = site.CreateClient();
        client.BaseAddress = new Uri(PublicHost);
        return client;
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Proxy)]
    public async Task Forwarded_for_from_an_untrusted_address_does_not_change_the_verify_rate_limit_partition(string? knownProxies)
    {
        await using var site = TestSite.Start(o =>
        {
            o.Settings["StoreSite:Licensing:Verify:PermitPerMinute"] = "3";
            Proxies(o, knownProxies);
        });
        var client = site.CreateClient();

        for (var i = 1; i <= 3; i++)
        {
            using var allowed = await PostVerifyAsync(client, "{}", Attacker, ("X-Forwarded-For", $"203.0.113.{i}"));
            Assert.Equal(HttpStatusCode.UnprocessableEntity, allowed.StatusCode);
        }

        using var refused = await PostVerifyAsync(client, "{}", Attacker, ("X-Forwarded-For", "203.0.113.99"));
        using var refusedWithout = await PostVerifyAsync(client, "{}", Attacker);

        await AssertFailureAsync(refused, 429, "Too many requests.", "rate_limited");
        await AssertFailureAsync(refusedWithout, 429, "Too many requests.", "rate_limited");
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Proxy)]
    public async Task Forwarded_for_from_an_untrusted_address_does_not_change_the_sign_in_rate_limit_partition(string? knownProxies)
    {
        await using var site = TestSite.Start(o =>
        {
            o.Settings["StoreSite:SignIn:PermitPerMinute"] = "3";
            Proxies(o, knownProxies);
        });
        var client = site.CreateClient();
        client.DefaultRequestHeaders.Add(TestRemoteAddressStartupFilter.Header, Attacker);

        for (var i = 1; i <= 4; i++)
        {
            client.DefaultRequestHeaders.Remove("X-Forwarded-For");
            client.DefaultRequestHeaders.Add("X-Forwarded-For", $"203.0.113.{i}");
            using var response = await client.SubmitFormAsync("/account/login", "form[action='/account/login']", new Dictionary<string, string>
            {
                ["Email"] = "nobody@example.com",
                ["Password"] = "Wrong-Passw0rd",
            });
            Assert.Equal(i <= 3 ? HttpStatusCode.OK : HttpStatusCode.TooManyRequests, response.StatusCode);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Proxy)]
    public async Task Forwarded_for_from_an_untrusted_address_is_not_the_environment_ip(string? knownProxies)
    {
        await using var site = await LicensingSite.StartAsync(o => Proxies(o, knownProxies));
        var ipKey = await IssueAsync(site, maxActivations: 1, matchBy: LicenseMatchRule.Ip);
        var unlimited = await IssueAsync(site, maxActivations: 0);
        var client = site.CreateClient();

        using var first = await VerifyKeyAsync(client, ipKey, "first.example.com", from: "198.51.100.7");
        using var second = await VerifyKeyAsync(client, ipKey, "second.example.com", from: "198.51.100.8", forwardedFor: "198.51.100.7");
        using var chosen = await VerifyKeyAsync(client, unlimited, "chosen.example.com", from: "198.51.100.9", forwardedFor: "8.8.8.8");

        await AssertValidAsync(first);
        await AssertFailureAsync(second, 403, "Max activations exceeded.", "max_activations");
        await AssertValidAsync(chosen);
        Assert.Equal("198.51.100.7", Assert.Single((await LoadAsync(site, ipKey)).Activations).Ip);
        Assert.Equal("198.51.100.9", Assert.Single((await LoadAsync(site, unlimited)).Activations).Ip);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Proxy)]
    public async Task Forwarded_proto_from_an_untrusted_address_does_not_make_the_request_https(string? knownProxies)
    {
        await using var site = TestSite.Start(o => Proxies(o, knownProxies));
        var client = PublicClient(site);

        using var login = await SendAsync(client, HttpMethod.Get, "/account/login", Attacker, null, ("X-Forwarded-Proto", "https"));
        using var account = await SendAsync(client, HttpMethod.Get, "/account", Attacker, null, ("X-Forwarded-Proto", "https"));

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.False(ResponseCookies.HasHsts(login));
        Assert.False(ResponseCookies.SetCookie(login, ".StoreSite.Antiforgery").Secure);
        Assert.Equal(HttpStatusCode.Redirect, account.StatusCode);
        Assert.StartsWith("/account/login", account.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forwarded_for_from_a_configured_proxy_is_the_verify_rate_limit_partition()
    {
        await using var site = TestSite.Start(o =>
        {
            o.Settings["StoreSite:Licensing:Verify:PermitPerMinute"] = "2";
            Proxies(o, Proxy);
        });
        var client = site.CreateClient();

        for (var i = 0; i < 2; i++)
        {
            using var allowed = await PostVerifyAsync(client, "{}", Proxy, ("X-Forwarded-For", "203.0.113.1"));
            Assert.Equal(HttpStatusCode.UnprocessableEntity, allowed.StatusCode);
        }

        using var refused = await PostVerifyAsync(client, "{}", Proxy, ("X-Forwarded-For", "203.0.113.1"));
        using var otherClient = await PostVerifyAsync(client, "{}", Proxy, ("X-Forwarded-For", "203.0.113.2"));
        using var proxyItself = await PostVerifyAsync(client, "{}", Proxy);

        await AssertFailureAsync(refused, 429, "Too many requests.", "rate_limited");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, otherClient.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, proxyItself.StatusCode);
    }

    [Fact]
    public async Task Forwarded_for_from_a_configured_proxy_is_the_sign_in_rate_limit_partition()
    {
        await using var site = TestSite.Start(o =>
        {
            o.Settings["StoreSite:SignIn:PermitPerMinute"] = "2";
            Proxies(o, Proxy);
        });

        async Task<HttpStatusCode> SignInFromAsync(string client)
        {
            using var browser = ReverseProxyHandler.ClientOf(site, Proxy, client);
            using var response = await browser.SubmitFormAsync("/account/login", "form[action='/account/login']", new Dictionary<string, string>
            {
                ["Email"] = "nobody@example.com",
                ["Password"] = "Wrong-Passw0rd",
            });
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await SignInFromAsync("203.0.113.1"));
        Assert.Equal(HttpStatusCode.OK, await SignInFromAsync("203.0.113.1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInFromAsync("203.0.113.1"));
        Assert.Equal(HttpStatusCode.OK, await SignInFromAsync("203.0.113.2"));
    }

    [Theory]
    [InlineData("KnownProxies", Proxy, Proxy)]
    [InlineData("KnownProxies", Proxy, "::ffff:" + Proxy)]
    [InlineData("KnownNetworks", "192.0.2.0/24", "192.0.2.77")]
    [InlineData("KnownNetworks", "2001:db8::/32", "2001:db8::5")]
    public async Task Forwarded_for_from_a_configured_proxy_is_the_environment_ip(string setting, string value, string proxy)
    {
        await using var site = await LicensingSite.StartAsync(o => o.Settings[$"StoreSite:ForwardedHeaders:{setting}"] = value);
        var key = await IssueAsync(site, maxActivations: 1, matchBy: LicenseMatchRule.Ip);
        var client = site.CreateClient();

        using var first = await VerifyKeyAsync(client, key, "first.example.com", from: proxy, forwardedFor: "198.51.100.7");
        using var otherClient = await VerifyKeyAsync(client, key, "second.example.com", from: proxy, forwardedFor: "198.51.100.8");
        using var sameClient = await VerifyKeyAsync(client, key, "third.example.com", from: proxy, forwardedFor: "198.51.100.7");

        await AssertValidAsync(first);
        await AssertFailureAsync(otherClient, 403, "Max activations exceeded.", "max_activations");
        await AssertValidAsync(sameClient);
        Assert.Equal("198.51.100.7", Assert.Single((await LoadAsync(site, key)).Activations).Ip);
    }

    [Theory]
    [InlineData("1", Proxy + "," + OtherProxy, OtherProxy)]
    [InlineData("2", Proxy + "," + OtherProxy, "198.51.100.1")]
    [InlineData("2", Proxy, OtherProxy)]
    [InlineData("3", Proxy + "," + OtherProxy, "198.51.100.1")]
    public async Task Forward_limit_reads_that_many_hops_from_the_right_each_from_a_configured_proxy(string forwardLimit, string knownProxies, string recorded)
    {
        await using var site = await LicensingSite.StartAsync(o =>
        {
            o.Settings["StoreSite:ForwardedHeaders:ForwardLimit"] = forwardLimit;
            Proxies(o, knownProxies);
        });
        var key = await IssueAsync(site, maxActivations: 0);

        // The client wrote 203.0.113.9 itself; the first proxy added the client's address; the second the first proxy's.
        using var response = await VerifyKeyAsync(site.CreateClient(), key, "shop.example", from: Proxy, forwardedFor: $"203.0.113.9, 198.51.100.1, {OtherProxy}");

        await AssertValidAsync(response);
        Assert.Equal(recorded, Assert.Single((await LoadAsync(site, key)).Activations).Ip);
    }

    [Fact]
    public async Task Https_from_a_configured_proxy_makes_cookies_secure_and_adds_hsts()
    {
        await using var site = TestSite.Start(o => Proxies(o, Proxy));
        using var browser = ReverseProxyHandler.ClientOf(site, Proxy, "203.0.113.5");

        using var login = await browser.GetAsync("/account/login");
        using var anonymous = await browser.GetAsync("/account");
        using var signedIn = await browser.SubmitFormAsync("/account/login", "form[action='/account/login']", new Dictionary<string, string>
        {
            ["Email"] = TestSite.AdminEmail,
            ["Password"] = TestSite.AdminPassword,
        });
        using var account = await browser.GetAsync("/account");

        Assert.True(ResponseCookies.HasHsts(login));
        Assert.True(ResponseCookies.SetCookie(login, ".StoreSite.Antiforgery").Secure);
        Assert.StartsWith("/account/login", anonymous.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.True(ResponseCookies.SetCookie(signedIn, ".StoreSite.Auth").Secure);
        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
    }

    [Theory]
    [InlineData("javascript")]
    [InlineData("ftp")]
    [InlineData("https://evil.example")]
    [InlineData("")]
    public async Task A_configured_proxy_s_forwarded_proto_other_than_http_or_https_leaves_the_connection_s_scheme(string proto)
    {
        await using var site = TestSite.Start(o => Proxies(o, Proxy));

        using var account = await SendAsync(PublicClient(site), HttpMethod.Get, "/account", Proxy, null, ("X-Forwarded-Proto", proto), ("X-Forwarded-For", "203.0.113.5"));

        Assert.Equal(HttpStatusCode.Redirect, account.StatusCode);
        Assert.StartsWith("/account/login", account.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.False(ResponseCookies.HasHsts(account));
    }

    [Fact]
    public async Task Forwarded_host_is_never_read_even_from_a_configured_proxy()
    {
        await using var site = TestSite.Start(o => Proxies(o, Proxy));

        using var account = await SendAsync(PublicClient(site), HttpMethod.Get, "/account", Proxy, null, ("X-Forwarded-Host", "evil.example"), ("X-Forwarded-For", "203.0.113.5"));

        Assert.Equal(HttpStatusCode.Redirect, account.StatusCode);
        Assert.Equal("/account/login?ReturnUrl=%2Faccount", account.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_sign_in_redirect_is_relative_whatever_the_host_header_says()
    {
        await using var site = TestSite.Start();

        using var account = await SendAsync(PublicClient(site), HttpMethod.Get, "/account", Attacker, null, ("Host", "evil.example"));

        Assert.Equal(HttpStatusCode.Redirect, account.StatusCode);
        Assert.Equal("/account/login?ReturnUrl=%2Faccount", account.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    public void Forward_limit_below_one_fails_the_start_naming_the_setting(string forwardLimit)
    {
        var failure = Record.Exception(() => TestSite.Start(o =>
        {
            o.Recipe = null;
            o.Settings["StoreSite:ForwardedHeaders:ForwardLimit"] = forwardLimit;
        }));

        Assert.NotNull(failure);
        Assert.Contains("StoreSite:ForwardedHeaders:ForwardLimit", failure.ToString(), StringComparison.Ordinal);
    }
}
