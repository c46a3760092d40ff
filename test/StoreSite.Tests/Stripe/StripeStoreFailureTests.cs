using System.Net;
using CP.Commerce.Events;
using CP.Commerce.Models;
using CP.Payments.Stripe.Models;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Tests.Commerce;

namespace StoreSite.Tests.Stripe;

/// <summary>When the store cannot apply an event, nothing of it is kept and Stripe's next delivery applies it.</summary>
public sealed class StripeStoreFailureTests : IAsyncLifetime
{
    private StripeApiStandIn _stripe = null!;

    public async Task InitializeAsync() => _stripe = await StripeApiStandIn.StartAsync();

    public async Task DisposeAsync() => await _stripe.DisposeAsync();

    [Fact]
    public async Task A_payment_the_store_cannot_complete_answers_500_keeps_nothing_and_the_next_delivery_pays_the_order()
    {
        var events = new RecordingOrderEvents { FailPaid = _ => "handler down" };
        await using var site = StripeStore.Start(_stripe, configure: o => o.Services = s => s.AddSingleton<IOrderEvents>(events));
        var (_, number, sessionId, checkout) = await site.CheckoutAsync(_stripe, "retry@example.com");
        checkout.Dispose();
        _stripe.Pay(sessionId);
        var body = StripeWebhooks.Event("checkout.session.completed", _stripe.Session(sessionId), "evt_retry");

        using var failed = await site.CreateClient().PostWebhookAsync(body, site.Clock.GetUtcNow());
        var afterFailure = await site.OrderAsync(number);
        var recordedAfterFailure = await site.StripeEventsAsync();
        events.FailPaid = null;
        using var retried = await site.CreateClient().PostWebhookAsync(body, site.Clock.GetUtcNow());

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal((OrderStatus.Pending, (string?)null), (afterFailure.Status, afterFailure.PaymentReference));
        Assert.Empty(recordedAfterFailure);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(OrderStatus.Paid, (await site.OrderAsync(number)).Status);
        Assert.Equal(StripeEventOutcome.Applied, Assert.Single(await site.StripeEventsAsync()).Outcome);
        Assert.Single(events.Of(nameof(IOrderEvents.OrderPaidAsync)));
    }
}
