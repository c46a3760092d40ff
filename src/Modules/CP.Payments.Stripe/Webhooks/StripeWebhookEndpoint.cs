using System.Text;
using CP.Payments.Stripe.Settings;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Stripe;
using StoreSite.Http;

namespace CP.Payments.Stripe.Webhooks;

/// <summary>
/// <c>POST /payments/stripe/webhook</c>: Stripe's signed events. Anonymous, no antiforgery (the
/// signature is the proof). Top to bottom: content type (415) -> body size (413) -> signature and
/// timestamp, 300 s tolerance (400, nothing changed) -> <see cref="StripeEventProcessor"/> (200,
/// also for a repeated event or a type the store does not use; 500 when the store could not apply
/// it, nothing kept, so that Stripe delivers it again).
/// </summary>
public static partial class StripeWebhookEndpoint
{
    public const string Route = "/payments/stripe/webhook";

    /// <summary>The endpoint's name, for links to it (the settings page shows its address).</summary>
    public const string RouteName = "StripeWebhook";

    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>How old a signature's timestamp may be, in seconds (Stripe.net's default too).</summary>
    public const long ToleranceSeconds = 300;

    public static IEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Route, (Func<HttpContext, Task<IResult>>)HandleAsync)
            .WithName(RouteName)
            .DisableAntiforgery()
            .WithoutAuthentication();

    private static async Task<IResult> HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var cancellationToken = context.RequestAborted;
        if (!IsJson(request.ContentType))
        {
            return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        string? json;
        try
        {
            json = await ReadBodyAsync(request, cancellationToken);
        }
        catch (BadHttpRequestException ex)
        {
            return Results.StatusCode(ex.StatusCode);
        }

        if (json is null)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var services = context.RequestServices;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StripeWebhookEndpoint));
        var signature = request.Headers["Stripe-Signature"].ToString();
        var keys = await services.GetRequiredService<StripeSettingsStore>().GetKeysAsync(cancellationToken);
        if (keys.WebhookSecret is null)
        {
            LogNoSecret(logger);
            return Results.BadRequest("The store has no webhook signing secret.");
        }

        if (signature.Length == 0)
        {
            return Results.BadRequest("Stripe-Signature is missing.");
        }

        Event? stripeEvent;
        try
        {
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow().ToUnixTimeSeconds();
            stripeEvent = EventUtility.ConstructEvent(json, signature, keys.WebhookSecret, ToleranceSeconds, now, throwOnApiVersionMismatch: false);
        }
        catch (StripeException ex)
        {
            LogRefused(logger, ex.Message);
            return Results.BadRequest("The signature does not match.");
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or Newtonsoft.Json.JsonException or InvalidOperationException or InvalidCastException or FormatException or ArgumentException)
        {
            // Signed, but not an event.
            LogRefused(logger, ex.Message);
            return Results.BadRequest("The body is not a Stripe event.");
        }

        if (stripeEvent is null || string.IsNullOrEmpty(stripeEvent.Id) || string.IsNullOrEmpty(stripeEvent.Type))
        {
            return Results.BadRequest("The body is not a Stripe event.");
        }

        return await services.GetRequiredService<StripeEventProcessor>().ProcessAsync(stripeEvent, json, cancellationToken)
            ? Results.Ok()
            : Results.StatusCode(StatusCodes.Status500InternalServerError);
    }

    /// <summary>The body as text, or null when it is longer than <see cref="MaxBodyBytes"/>.</summary>
    private static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null
        && Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media)
        && string.Equals(media.MediaType.Value, "application/json", StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stripe webhook refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "A Stripe webhook arrived, but no webhook signing secret is set (Admin -> Payments or StoreSite:Stripe:WebhookSecret)")]
    private static partial void LogNoSecret(ILogger logger);
}
