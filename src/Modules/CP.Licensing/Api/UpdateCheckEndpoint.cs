using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CP.Licensing.Grants;
using CP.Licensing.Updates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Http;
using StoreSite.Modules;
using StoreSite.Versions;

namespace CP.Licensing.Api;

/// <summary>
/// <c>POST /api/v1/licenses/updates</c> (docs/verify-api.md, "Update check"), anonymous like Verify and
/// under the same rate-limit policy (one budget per client address). Top to bottom: read the request
/// (<see cref="ApiRequestReader.ReadUpdateRequest"/>: Verify's 415, 413, 400, 422, and <c>product</c>,
/// <c>version</c> required) -> Verify's step itself (<see cref="VerifyEndpoint"/>: the same checks,
/// errors and counting) -> when valid, the newest entitled release above <c>version</c> from
/// <see cref="IProductUpdates"/> (CP.Downloads; none when that module is off) -> count -> write
/// Verify's body plus <c>update</c> (<see cref="ApiResponseWriter"/>, signed when the call sent a nonce).
/// The releases' services are resolved here, after Verify answered valid, never in Verify's graph.
/// </summary>
public static class UpdateCheckEndpoint
{
    private static readonly JsonEncodedText Update = JsonEncodedText.Encode(VerifyContract.UpdateField);
    private static readonly JsonEncodedText Version = JsonEncodedText.Encode(VerifyContract.VersionField);
    private static readonly JsonEncodedText ReleasedAt = JsonEncodedText.Encode(VerifyContract.ReleasedAtField);
    private static readonly JsonEncodedText Notes = JsonEncodedText.Encode(VerifyContract.NotesField);
    private static readonly JsonEncodedText DownloadUrl = JsonEncodedText.Encode(VerifyContract.DownloadUrlField);
    private static readonly JsonEncodedText Size = JsonEncodedText.Encode(VerifyContract.SizeField);
    private static readonly JsonEncodedText Sha256 = JsonEncodedText.Encode(VerifyContract.Sha256Field);

    private static readonly Action<Utf8JsonWriter, UpdateCheckResult> Body = WriteBody;

    public static IEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(VerifyContract.UpdatesRoute, (Func<HttpContext, Task>)HandleAsync)
            .RequireRateLimiting(VerifyRateLimitPolicy.Name)
            .DisableAntiforgery()
            .WithoutAuthentication()
            .WithUpdateCheckApiDescription();

    private static async Task HandleAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var aborted = context.RequestAborted;
        UpdateCheckResult result;
        string? nonce;
        try
        {
            var body = await ApiRequestReader.ReadBodyAsync(context, aborted);
            var request = ApiRequestReader.ReadUpdateRequest(body);
            nonce = request.Nonce;
            if (request.Problem is { } problem)
            {
                result = new UpdateCheckResult(problem, null);
            }
            else
            {
                var license = await VerifyEndpoint.VerifyAsync(context, request, aborted);
                result = new UpdateCheckResult(license, license.IsValid ? await NewestAsync(context, license, request.Version!, aborted) : null);
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            return;
        }

        context.RequestServices.GetRequiredService<LicensingMetrics>().UpdateCheck(result.Code, started);
        await ApiResponseWriter.WriteAsync(context, result.StatusCode, result, Body, nonce, aborted);
    }

    /// <summary>
    /// The enabled module's answer for the license Verify just passed (the product is required, so the key
    /// is of a catalog product; it is neither revoked nor suspended, else Verify refused it).
    /// </summary>
    private static async Task<ProductUpdate?> NewestAsync(HttpContext context, VerifyResult license, SemanticVersion installed, CancellationToken cancellationToken)
    {
        var services = context.RequestServices;
        if (license.ProductId is not { } productId
            || services.GetRequiredService<IModuleState>().OnlyEnabled(services.GetServices<IProductUpdates>()).FirstOrDefault() is not { } updates)
        {
            return null;
        }

        var grant = new LicenseGrant(license.LicenseId, productId, license.ExpiresOn, IsRevoked: false, IsSuspended: false);
        return await updates.NewestAsync(grant, installed, cancellationToken);
    }

    private static void WriteBody(Utf8JsonWriter json, UpdateCheckResult result)
    {
        ApiResponseWriter.WriteVerifyBody(json, result.License);
        if (!result.License.IsValid)
        {
            return;
        }

        if (result.Update is not { } update)
        {
            json.WriteNull(Update);
            return;
        }

        json.WriteStartObject(Update);
        json.WriteString(Version, update.Version);
        Span<char> releasedAt = stackalloc char[20];
        update.ReleasedAt.UtcDateTime.TryFormat(releasedAt, out var written, "yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture);
        json.WriteString(ReleasedAt, releasedAt[..written]);
        json.WriteString(Notes, update.Notes);
        json.WriteString(DownloadUrl, update.DownloadUrl.AbsoluteUri);
        json.WriteNumber(Size, update.Size);
        json.WriteString(Sha256, update.Sha256);
        json.WriteEndObject();
    }
}
