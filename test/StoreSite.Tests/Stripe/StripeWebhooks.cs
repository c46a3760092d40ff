using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace StoreSite.Tests.Stripe;

/// <summary>Webhook events as Stripe sends them: an event envelope, signed with Stripe's published scheme.</summary>
public static class StripeWebhooks
{
    public const string Secret = "whsec_standinsigningsecret000000";
    public const string Route = "/payments/stripe/webhook";

    private static int s_next;

    /// <summary>An event envelope around <paramref name="data"/> (a session, charge or dispute object).</summary>
    public static string Event(string type, JsonObject data, string? id = null) => new JsonObject
    {
        ["id"] = id ?? $"evt_test_{Interlocked.Increment(ref s_next):D6}",
        ["object"] = "event",
        ["api_version"] = "2024-06-20",
        ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["data"] = new JsonObject { ["object"] = data },
        ["livemode"] = false,
        ["pending_webhooks"] = 1,
        ["request"] = new JsonObject { ["id"] = null, ["idempotency_key"] = null },
        ["type"] = type,
    }.ToJsonString();

    /// <summary><c>t=…,v1=hex(HMAC-SHA256(secret, t + "." + body))</c>.</summary>
    public static string Signature(string body, DateTimeOffset at, string secret = Secret)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "." + body));
        return $"t={timestamp},v1={Convert.ToHexStringLower(mac)}";
    }

    /// <summary>Posts <paramref name="body"/> to the webhook, signed at <paramref name="at"/> (or with <paramref name="signature"/> as given).</summary>
    public static Task<HttpResponseMessage> PostWebhookAsync(this HttpClient client, string body, DateTimeOffset at, string? signature = null, string contentType = "application/json")
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        var request = new HttpRequestMessage(HttpMethod.Post, Route) { Content = content };
        request.Headers.TryAddWithoutValidation("Stripe-Signature", signature ?? Signature(body, at));
        return client.SendAsync(request);
    }

    public static JsonObject Charge(string paymentIntent, long amount, long amountRefunded, string currency = "usd") => new()
    {
        ["id"] = "ch_" + paymentIntent["pi_".Length..],
        ["object"] = "charge",
        ["amount"] = amount,
        ["amount_captured"] = amount,
        ["amount_refunded"] = amountRefunded,
        ["captured"] = true,
        ["currency"] = currency,
        ["disputed"] = false,
        ["livemode"] = false,
        ["metadata"] = new JsonObject(),
        ["paid"] = true,
        ["payment_intent"] = paymentIntent,
        ["refunded"] = amountRefunded >= amount,
        ["status"] = "succeeded",
    };

    public static JsonObject Dispute(string paymentIntent, long amount, string status, string reason = "fraudulent") => new()
    {
        ["id"] = "dp_" + paymentIntent["pi_".Length..],
        ["object"] = "dispute",
        ["amount"] = amount,
        ["charge"] = "ch_" + paymentIntent["pi_".Length..],
        ["currency"] = "usd",
        ["livemode"] = false,
        ["metadata"] = new JsonObject(),
        ["payment_intent"] = paymentIntent,
        ["reason"] = reason,
        ["status"] = status,
    };
}
