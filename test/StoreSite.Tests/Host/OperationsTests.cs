using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Tests.Infrastructure;

namespace StoreSite.Tests.Host;

public sealed class OperationsTests
{
    [Fact]
    public async Task Health_live_and_ready_answer_200_on_a_set_up_site()
    {
        await using var site = TestSite.Start();
        var client = site.CreateClient();

        using var live = await client.GetAsync("/health/live");
        using var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Health_ready_answers_503_before_setup_while_live_answers_200()
    {
        await using var site = TestSite.Start(o => o.Recipe = null);
        var client = site.CreateClient();

        using var live = await client.GetAsync("/health/live");
        using var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
    }

    private const string ScrapeToken = "scrape-3f9c2a7be51d4e08";

    private static async Task<HttpResponseMessage> ScrapeAsync(HttpClient client, string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Metrics_answer_404_when_no_scrape_token_is_configured()
    {
        await using var site = TestSite.Start();
        var client = site.CreateClient();

        using var anonymous = await ScrapeAsync(client, null);
        using var guessed = await ScrapeAsync(client, "Bearer " + ScrapeToken);
        using var admin = await (await site.AdminAsync()).GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, guessed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, admin.StatusCode);
        Assert.DoesNotContain("http_server_request_duration_seconds", await anonymous.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    [InlineData("Bearer wrong-token-of-some-length")]
    [InlineData("Bearer " + ScrapeToken + "x")]
    [InlineData("Bearer " + "scrape-3f9c2a7be51d4e0")]
    [InlineData("Basic c2NyYXBlOnNjcmFwZS0zZjljMmE3YmU1MWQ0ZTA4")]
    [InlineData(ScrapeToken)]
    [InlineData("Bearer " + ScrapeToken + ", Bearer " + ScrapeToken)]
    public async Task Metrics_without_the_scrape_token_answer_401_with_www_authenticate_bearer(string? authorization)
    {
        await using var site = TestSite.Start(o => o.Settings["StoreSite:Metrics:Token"] = ScrapeToken);

        using var response = await ScrapeAsync(site.CreateClient(), authorization);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.DoesNotContain("http_server_request_duration_seconds", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_never_read_a_sign_in_cookie_sent_along()
    {
        var authenticated = new ConcurrentQueue<string>();
        await using var site = TestSite.Start(o =>
        {
            o.Settings["StoreSite:Metrics:Token"] = ScrapeToken;
            o.Services = services =>
            {
                services.AddHttpContextAccessor();
                services.AddSingleton<IClaimsTransformation>(sp => new RecordingClaimsTransformation(sp.GetRequiredService<IHttpContextAccessor>(), authenticated));
            };
        });
        var admin = await site.AdminAsync();
        using (var page = await admin.GetAsync("/admin"))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        Assert.Contains("/admin", authenticated);
        authenticated.Clear();

        using var withoutToken = await ScrapeAsync(admin, null);
        using var withToken = await ScrapeAsync(admin, "Bearer " + ScrapeToken);

        Assert.Equal(HttpStatusCode.Unauthorized, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
        Assert.DoesNotContain("/metrics", authenticated);
    }

    [Theory]
    [InlineData("Bearer " + ScrapeToken)]
    [InlineData("bearer  " + ScrapeToken + " ")]
    public async Task Metrics_with_the_scrape_token_are_prometheus_text_with_asp_net_core_request_metrics(string authorization)
    {
        await using var site = TestSite.Start(o => o.Settings["StoreSite:Metrics:Token"] = ScrapeToken);
        var client = site.CreateClient();
        using var home = await client.GetAsync("/");

        using var metrics = await ScrapeAsync(client, authorization);

        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.StartsWith("text/plain", metrics.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        var text = await metrics.Content.ReadAsStringAsync();
        Assert.Contains("# TYPE http_server_request_duration_seconds histogram", text, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds_count{", text, StringComparison.Ordinal);
        Assert.Contains("http_route=\"/\"", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("short-token")]
    [InlineData("fifteen-chars-x")]
    [InlineData("sixteen chars xx")]
    [InlineData("sixteen-chars-\u00e9x")]
    public void Metrics_token_shorter_than_16_printable_characters_fails_the_start_naming_the_setting(string token)
    {
        var failure = Record.Exception(() => TestSite.Start(o =>
        {
            o.Recipe = null;
            o.Settings["StoreSite:Metrics:Token"] = token;
        }));

        Assert.NotNull(failure);
        Assert.Contains("StoreSite:Metrics:Token", failure.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(token, failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_pages_carry_the_security_headers()
    {
        await using var site = TestSite.Start();

        using var response = await site.CreateClient().GetAsync("/account/login");

        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    private sealed class RecordingClaimsTransformation(IHttpContextAccessor accessor, ConcurrentQueue<string> paths) : IClaimsTransformation
    {
        public Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
        {
            paths.Enqueue(accessor.HttpContext?.Request.Path.Value ?? string.Empty);
            return Task.FromResult(principal);
        }
    }
}
