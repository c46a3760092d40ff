using System.Net;
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

    [Fact]
    public async Task Metrics_are_prometheus_text_with_asp_net_core_request_metrics_after_a_request()
    {
        await using var site = TestSite.Start();
        var client = site.CreateClient();
        using var home = await client.GetAsync("/");

        using var metrics = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.StartsWith("text/plain", metrics.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        var text = await metrics.Content.ReadAsStringAsync();
        Assert.Contains("# TYPE http_server_request_duration_seconds histogram", text, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds_count{", text, StringComparison.Ordinal);
        Assert.Contains("http_route=\"/\"", text, StringComparison.Ordinal);
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
}
