using System.Diagnostics;
using CP.Licensing.Lifecycle;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Http;

namespace CP.Licensing.Api;

/// <summary>
/// <c>POST /api/v1/licenses/verify</c> (docs/verify-api.md), the only anonymous POST: JSON in, JSON
/// out, checks in the documented order. The rate limit (429) runs before this handler. Here, top to
/// bottom: read the request (<see cref="ApiRequestReader"/>: 415, 413, 400, 422) -> verify
/// (<see cref="LicenseVerifier"/>: 403, 404, 200) -> count -> write (<see cref="ApiResponseWriter"/>).
/// </summary>
public static class VerifyEndpoint
{
    // A Func rather than a RequestDelegate, so that the endpoint carries its method and is described in OpenAPI.
    public static IEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(VerifyContract.Route, (Func<HttpContext, Task>)HandleAsync)
            .RequireRateLimiting(VerifyRateLimitPolicy.Name)
            .DisableAntiforgery()
            .WithoutAuthentication()
            .WithVerifyApiDescription();

    private static async Task HandleAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var aborted = context.RequestAborted;
        VerifyResult result;
        string? nonce;
        try
        {
            var body = await ApiRequestReader.ReadBodyAsync(context, aborted);
            var request = ApiRequestReader.ReadLicenseRequest(body);
            result = request.Problem ?? await VerifyAsync(context, request, aborted);
            nonce = request.Nonce;
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            return;
        }

        context.RequestServices.GetRequiredService<LicensingMetrics>().Answered(result.Code, started);
        await ApiResponseWriter.WriteAsync(context, result, nonce, aborted);
    }

    // The environment's IP is the connection's address (after trusted forwarded headers), not the "ip" field.
    // The update check runs this same step before it looks for a release.
    internal static Task<VerifyResult> VerifyAsync(HttpContext context, in LicenseApiRequest request, CancellationToken cancellationToken) =>
        context.RequestServices.GetRequiredService<LicenseVerifier>()
            .VerifyAsync(request.LicenseKey, request.Domain, EnvironmentName.Canonical(ClientAddress.Address(context)), request.Product, cancellationToken);
}
