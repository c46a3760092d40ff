using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace StoreSite.Tests.Stripe;

/// <summary>
/// A stand-in for Stripe's API on 127.0.0.1 (Stripe's servers cannot be reached from the tests):
/// answers the endpoints the store calls with bodies shaped as Stripe's API reference shows, keeps
/// the sessions and refunds it made, replays an answer for a repeated idempotency key as Stripe
/// does, and records every request it was sent.
/// </summary>
public sealed class StripeApiStandIn : IAsyncDisposable
{
    public const string SecretKey = "sk_test_standin0000000000000000";
    public const string AccountId = "acct_standin000000";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, JsonObject> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (int Status, string Body)> _idempotent = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<StripeApiRequest> _requests = new();
    private int _next;

    private StripeApiStandIn(WebApplication app) => _app = app;

    /// <summary>The address to give the store as <c>StoreSite:Stripe:ApiBase</c>.</summary>
    public string BaseAddress => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    /// <summary>Every request the stand-in was sent, oldest first.</summary>
    public IReadOnlyList<StripeApiRequest> Requests => _requests.ToList();

    /// <summary>While set, every call is answered 500 with Stripe's error shape (Stripe is down).</summary>
    public bool Down { get; set; }

    public IReadOnlyList<StripeApiRequest> RequestsTo(string method, string path) =>
        Requests.Where(r => r.Method == method && r.Path == path).ToList();

    public static async Task<StripeApiStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var standIn = new StripeApiStandIn(app);
        app.Run(standIn.AnswerAsync);
        await app.StartAsync();
        return standIn;
    }

    /// <summary>What Stripe does when the customer pays on the session's page: the session completes with a payment intent.</summary>
    public string Pay(string sessionId, string paymentStatus = "paid")
    {
        var session = _sessions[sessionId];
        var paymentIntent = "pi_" + sessionId["cs_".Length..];
        session["status"] = "complete";
        session["payment_status"] = paymentStatus;
        session["payment_intent"] = paymentIntent;
        return paymentIntent;
    }

    /// <summary>The session as Stripe would put it into an event now.</summary>
    public JsonObject Session(string sessionId) => (JsonObject)_sessions[sessionId].DeepClone();

    public string OnlySessionId => _sessions.Keys.Single();

    private async Task AnswerAsync(HttpContext context)
    {
        var request = context.Request;
        var form = request.HasFormContentType ? await request.ReadFormAsync() : null;
        var recorded = new StripeApiRequest(
            request.Method,
            request.Path.Value ?? string.Empty,
            request.Headers.Authorization.ToString(),
            request.Headers["Idempotency-Key"].ToString() is { Length: > 0 } key ? key : null,
            form?.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal) ?? []);
        _requests.Enqueue(recorded);

        var (status, body) = Decide(recorded);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body);
    }

    private (int Status, string Body) Decide(StripeApiRequest request)
    {
        if (Down)
        {
            return Error(500, "api_error", "An unknown error occurred (the stand-in is down).");
        }

        if (request.Authorization != "Bearer " + SecretKey)
        {
            return Error(401, "invalid_request_error", "Invalid API Key provided: sk_test_****");
        }

        if (request.Method == "POST" && request.IdempotencyKey is { } key)
        {
            var scoped = request.Path + " " + key;
            if (_idempotent.TryGetValue(scoped, out var replay))
            {
                return replay;
            }

            var answer = Route(request);
            return _idempotent.GetOrAdd(scoped, answer);
        }

        return Route(request);
    }

    private (int Status, string Body) Route(StripeApiRequest request)
    {
        var segments = request.Path.Trim('/').Split('/');
        return (request.Method, segments) switch
        {
            ("GET", ["v1", "account"]) => Ok(Account()),
            ("POST", ["v1", "checkout", "sessions"]) => Ok(CreateSession(request.Form)),
            ("GET", ["v1", "checkout", "sessions", var id]) => _sessions.TryGetValue(id, out var s) ? Ok(s) : Missing("checkout.session", id),
            ("POST", ["v1", "checkout", "sessions", var id, "expire"]) => Expire(id),
            ("POST", ["v1", "refunds"]) => Ok(CreateRefund(request.Form)),
            _ => Error(404, "invalid_request_error", $"Unrecognized request URL ({request.Method}: {request.Path})."),
        };
    }

    private JsonObject CreateSession(Dictionary<string, string> form)
    {
        var id = $"cs_test_{Interlocked.Increment(ref _next):D6}";
        long total = 0;
        for (var i = 0; form.ContainsKey($"line_items[{i}][quantity]"); i++)
        {
            total += long.Parse(form[$"line_items[{i}][price_data][unit_amount]"], System.Globalization.CultureInfo.InvariantCulture)
                * long.Parse(form[$"line_items[{i}][quantity]"], System.Globalization.CultureInfo.InvariantCulture);
        }

        var session = new JsonObject
        {
            ["id"] = id,
            ["object"] = "checkout.session",
            ["amount_subtotal"] = total,
            ["amount_total"] = total,
            ["cancel_url"] = form.GetValueOrDefault("cancel_url"),
            ["client_reference_id"] = form.GetValueOrDefault("client_reference_id"),
            ["currency"] = form.GetValueOrDefault("line_items[0][price_data][currency]"),
            ["customer_email"] = form.GetValueOrDefault("customer_email"),
            ["expires_at"] = DateTimeOffset.UtcNow.AddHours(24).ToUnixTimeSeconds(),
            ["livemode"] = false,
            ["metadata"] = new JsonObject { ["order_number"] = form.GetValueOrDefault("metadata[order_number]") },
            ["mode"] = form.GetValueOrDefault("mode"),
            ["payment_intent"] = null,
            ["payment_status"] = "unpaid",
            ["status"] = "open",
            ["success_url"] = form.GetValueOrDefault("success_url"),
            ["url"] = $"https://checkout.stripe.com/c/pay/{id}",
        };
        _sessions[id] = session;
        return session;
    }

    private (int Status, string Body) Expire(string id)
    {
        if (!_sessions.TryGetValue(id, out var session))
        {
            return Missing("checkout.session", id);
        }

        if ((string?)session["status"] != "open")
        {
            return Error(400, "invalid_request_error", $"Only Checkout Sessions with a status in [\"open\"] can be expired. This Checkout Session has a status of \"{session["status"]}\".");
        }

        session["status"] = "expired";
        return Ok(session);
    }

    private JsonObject CreateRefund(Dictionary<string, string> form) => new()
    {
        ["id"] = $"re_test_{Interlocked.Increment(ref _next):D6}",
        ["object"] = "refund",
        ["amount"] = long.Parse(form.GetValueOrDefault("amount", "0"), System.Globalization.CultureInfo.InvariantCulture),
        ["charge"] = "ch_" + form.GetValueOrDefault("payment_intent", "pi_")["pi_".Length..],
        ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["currency"] = "usd",
        ["metadata"] = new JsonObject(),
        ["payment_intent"] = form.GetValueOrDefault("payment_intent"),
        ["reason"] = null,
        ["status"] = "succeeded",
    };

    private static JsonObject Account() => new()
    {
        ["id"] = AccountId,
        ["object"] = "account",
        ["business_profile"] = new JsonObject { ["name"] = "Stand-in Store" },
        ["charges_enabled"] = true,
        ["country"] = "US",
        ["default_currency"] = "usd",
        ["details_submitted"] = true,
        ["email"] = "owner@example.com",
        ["payouts_enabled"] = true,
        ["type"] = "standard",
    };

    private static (int, string) Ok(JsonObject body) => (200, body.ToJsonString());

    private static (int, string) Missing(string kind, string id) =>
        Error(404, "invalid_request_error", $"No such {kind}: '{id}'", "resource_missing");

    private static (int, string) Error(int status, string type, string message, string? code = null) =>
        (status, JsonSerializer.Serialize(new { error = new { type, code, message } }));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
