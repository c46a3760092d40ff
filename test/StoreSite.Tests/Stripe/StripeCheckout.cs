using System.Net;
using System.Text.Json.Nodes;
using StoreSite.Tests.Commerce;
using StoreSite.Tests.Infrastructure;

namespace StoreSite.Tests.Stripe;

/// <summary>Buying through the storefront with Stripe chosen, and Stripe telling the store what happened.</summary>
public static class StripeCheckout
{
    /// <summary>A customer checks out <paramref name="quantity"/> x <paramref name="plan"/>; answers the order number and the session the store made.</summary>
    public static async Task<(HttpClient Customer, string Number, string SessionId, HttpResponseMessage Checkout)> CheckoutAsync(
        this TestSite site, StripeApiStandIn stripe, string email, int quantity = 1, string plan = Store.SingleSite)
    {
        var customer = await site.RegisterCustomerAsync(email);
        (await customer.AddToCartAsync(Store.SiteBuilder, plan, quantity)).Dispose();
        var checkout = await customer.CheckoutAsync();
        var order = (await site.OrdersAsync()).Single(o => o.CustomerEmail == email);
        var session = stripe.RequestsTo("POST", "/v1/checkout/sessions").Count > 0 ? stripe.Session((await site.StripeSessionsAsync()).Single(s => s.OrderNumber == order.Number).Id) : null;
        return (customer, order.Number, (string?)session?["id"] ?? string.Empty, checkout);
    }

    /// <summary>The customer pays on Stripe's page, and Stripe sends <c>checkout.session.completed</c>.</summary>
    public static async Task<string> PayAsync(this TestSite site, StripeApiStandIn stripe, string sessionId)
    {
        var paymentIntent = stripe.Pay(sessionId);
        using var response = await site.SendEventAsync("checkout.session.completed", stripe.Session(sessionId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return paymentIntent;
    }

    /// <summary>A paid order: checkout, pay, webhook. Answers the order number and its payment intent.</summary>
    public static async Task<(string Number, string PaymentIntent)> PaidOrderAsync(this TestSite site, StripeApiStandIn stripe, string email)
    {
        var (_, number, sessionId, checkout) = await site.CheckoutAsync(stripe, email);
        checkout.Dispose();
        return (number, await site.PayAsync(stripe, sessionId));
    }

    /// <summary>Stripe sends an event of <paramref name="type"/> about <paramref name="data"/>, signed now.</summary>
    public static Task<HttpResponseMessage> SendEventAsync(this TestSite site, string type, JsonObject data, string? id = null) =>
        site.CreateClient().PostWebhookAsync(StripeWebhooks.Event(type, data, id), site.Clock.GetUtcNow());
}
