using System.Net;
using System.Text.Json.Nodes;
using CP.Payments.Stripe.Models;
using StoreSite.Tests.Infrastructure;

namespace StoreSite.Tests.Stripe;

/// <summary><c>POST /payments/stripe/webhook</c>: only events signed with the store's secret, recently, are taken, and each once.</summary>
public sealed class StripeWebhookTests : IAsyncLifetime
{
    private StripeApiStandIn _stripe = null!;
    private TestSite _site = null!;

    public async Task InitializeAsync()
    {
        _stripe = await StripeApiStandIn.StartAsync();
        _site = StripeStore.Start(_stripe, chooseStripe: false);
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        await _stripe.DisposeAsync();
    }

    private static string UnknownEvent(string? id = null) =>
        StripeWebhooks.Event("customer.created", new JsonObject { ["id"] = "cus_test_1", ["object"] = "customer" }, id);

    [Fact]
    public async Task An_event_signed_with_another_secret_is_refused_with_400_and_nothing_is_recorded()
    {
        var body = UnknownEvent();
        using var response = await _site.CreateClient().PostWebhookAsync(body, _site.Clock.GetUtcNow(), StripeWebhooks.Signature(body, _site.Clock.GetUtcNow(), "whsec_someoneelsessecret0000"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await _site.StripeEventsAsync());
    }

    [Fact]
    public async Task An_event_whose_body_was_changed_after_signing_is_refused()
    {
        var body = UnknownEvent();
        var signature = StripeWebhooks.Signature(body, _site.Clock.GetUtcNow());
        using var response = await _site.CreateClient().PostWebhookAsync(body.Replace("cus_test_1", "cus_test_2", StringComparison.Ordinal), _site.Clock.GetUtcNow(), signature);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await _site.StripeEventsAsync());
    }

    [Fact]
    public async Task An_event_signed_more_than_300_seconds_ago_is_refused_and_one_signed_299_seconds_ago_is_taken()
    {
        var client = _site.CreateClient();
        var stale = UnknownEvent();
        using var refused = await client.PostWebhookAsync(stale, _site.Clock.GetUtcNow().AddSeconds(-301));
        var recent = UnknownEvent();
        using var taken = await client.PostWebhookAsync(recent, _site.Clock.GetUtcNow().AddSeconds(-299));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        Assert.Single(await _site.StripeEventsAsync());
    }

    [Fact]
    public async Task An_event_without_a_signature_is_refused()
    {
        using var response = await _site.CreateClient().PostWebhookAsync(UnknownEvent(), _site.Clock.GetUtcNow(), signature: string.Empty);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await _site.StripeEventsAsync());
    }

    [Fact]
    public async Task An_unknown_event_type_is_answered_200_and_recorded_as_ignored()
    {
        using var response = await _site.CreateClient().PostWebhookAsync(UnknownEvent("evt_unknown_1"), _site.Clock.GetUtcNow());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var recorded = Assert.Single(await _site.StripeEventsAsync());
        Assert.Equal(("evt_unknown_1", "customer.created", StripeEventOutcome.Ignored), (recorded.Id, recorded.Type, recorded.Outcome));
    }

    [Fact]
    public async Task A_repeated_event_is_answered_200_and_recorded_once()
    {
        var client = _site.CreateClient();
        var body = UnknownEvent("evt_twice_1");

        using var first = await client.PostWebhookAsync(body, _site.Clock.GetUtcNow());
        using var second = await client.PostWebhookAsync(body, _site.Clock.GetUtcNow());

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Single(await _site.StripeEventsAsync());
    }

    [Theory]
    [InlineData("text/plain", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("application/json; charset=utf-8", HttpStatusCode.OK)]
    public async Task Only_a_json_body_is_read(string contentType, HttpStatusCode expected)
    {
        using var response = await _site.CreateClient().PostWebhookAsync(UnknownEvent(), _site.Clock.GetUtcNow(), contentType: contentType);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task A_body_over_256_KiB_is_refused_with_413_even_when_signed()
    {
        var body = StripeWebhooks.Event("customer.created", new JsonObject { ["id"] = "cus_big", ["object"] = "customer", ["description"] = new string('x', 300 * 1024) });

        using var response = await _site.CreateClient().PostWebhookAsync(body, _site.Clock.GetUtcNow());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(await _site.StripeEventsAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json at all")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"id\": 12, \"type\": []}")]
    [InlineData("{\"object\": \"event\"}")]
    [InlineData("{\"id\": \"evt_1\", \"type\": \"checkout.session.completed\", \"data\": {\"object\": \"nope\"}}")]
    [InlineData("{\"id\": \"evt_1\", \"type\": \"checkout.session.completed\", \"data\": {\"object\": {\"object\": \"checkout.session\", \"amount_total\": \"many\"}}}")]
    public async Task Garbage_is_answered_400_signed_or_not_and_nothing_is_recorded(string body)
    {
        var client = _site.CreateClient();
        using var unsigned = await client.PostWebhookAsync(body, _site.Clock.GetUtcNow(), signature: "t=1,v1=00");
        using var signed = await client.PostWebhookAsync(body, _site.Clock.GetUtcNow());

        Assert.Equal(HttpStatusCode.BadRequest, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, signed.StatusCode);
        Assert.Empty(await _site.StripeEventsAsync());
    }

    [Fact]
    public async Task The_webhook_answers_404_while_the_module_is_off()
    {
        await using var site = TestSite.Start();

        using var response = await site.CreateClient().PostWebhookAsync(UnknownEvent(), site.Clock.GetUtcNow());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
