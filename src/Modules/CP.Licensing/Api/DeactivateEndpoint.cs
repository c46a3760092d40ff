using System.Diagnostics;
using System.Text.Json;
using CP.Licensing.Lifecycle;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Http;

namespace CP.Licensing.Api;

/// <summary>
/// <c>POST /api/v1/licenses/deactivate</c> (docs/verify-api.md, "Deactivate"), anonymous like Verify
/// and under the same rate-limit policy, so both draw from one budget per client address. Top to
/// bottom: read the request (<see cref="ApiRequestReader"/>: 415, 413, 400, 422) -> deactivate
/// (<see cref="LicenseDeactivator"/>: 403, 404, 200) -> count -> write (<see cref="ApiResponseWriter"/>).
/// </summary>
public static class DeactivateEndpoint
{
    private static readonly JsonEncodedText Deactivated = JsonEncodedText.Encode(VerifyContract.DeactivatedField);

    private static readonly Action<Utf8JsonWriter, DeactivateResult> Body = WriteBody;

    public static IEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(VerifyContract.DeactivateRoute, (Func<HttpContext, Task>)HandleAsync)
            .RequireRateLimiting(VerifyRateLimitPolicy.Name)
            .DisableAntiforgery()
            .WithoutAuthentication()
            .WithDeactivateApiDescription();

    private static async Task HandleAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var aborted = context.RequestAborted;
        DeactivateResult result;
        string? nonce;
        try
        {
            var body = await ApiRequestReader.ReadBodyAsync(context, aborted);
            var request = ApiRequestReader.ReadLicenseRequest(body);
            result = request.Problem is { } problem ? DeactivateResult.Refused(problem) : await DeactivateAsync(context, request, aborted);
            nonce = request.Nonce;
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            return;
        }

        context.RequestServices.GetRequiredService<LicensingMetrics>().Deactivation(result.Code, started);
        await ApiResponseWriter.WriteAsync(context, result.StatusCode, result, Body, nonce, aborted);
    }

    // The environment's IP is the connection's address (after trusted forwarded headers), as for Verify.
    private static Task<DeactivateResult> DeactivateAsync(HttpContext context, in LicenseApiRequest request, CancellationToken cancellationToken) =>
        context.RequestServices.GetRequiredService<LicenseDeactivator>()
            .DeactivateAsync(request.LicenseKey, request.Domain, EnvironmentName.Canonical(ClientAddress.Address(context)), request.Product, cancellationToken);

    private static void WriteBody(Utf8JsonWriter json, DeactivateResult result)
    {
        if (result.Failure is { } failure)
        {
            ApiResponseWriter.WriteFailure(json, failure);
            return;
        }

        json.WriteBoolean(Deactivated, true);
        ApiResponseWriter.WriteActivations(json, result.ActivationsUsed, result.MaxActivations);
    }
}
