using CP.Downloads.Data;
using CP.Downloads.Entitlement;
using CP.Downloads.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;
using StoreSite.Files;
using StoreSite.Http;

namespace CP.Downloads.Links;

/// <summary>
/// <c>GET /downloads/{token}</c>: a release's file for whoever holds a valid link, no session needed (the
/// installed product downloads it). Top to bottom: rate limit (per client address, before anything) ->
/// read the token (<see cref="DownloadLinks"/>: 404 not ours, 403 expired) -> load the release (404) ->
/// entitlement now (<see cref="DownloadEntitlements"/>, the one rule: 403 revoked, suspended, not
/// entitled) -> the file through ASP.NET Core's range processing on <see cref="ReleaseFileStream"/>:
/// <c>ETag</c> = the quoted SHA-256 (If-None-Match 304, If-Range), <c>Range</c> (206, 416),
/// <c>Content-Disposition: attachment</c> with the file name (RFC 6266 <c>filename*</c>), Content-Length;
/// the download log's row is written as the answer starts (<see cref="LoggedDownloadResult"/>: 200 and 206 only).
/// </summary>
public static class DownloadEndpoint
{
    public const string Route = "/downloads/{token}";

    public const string RouteName = "downloads.link";

    public static IEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapMethods(Route, [HttpMethods.Get, HttpMethods.Head], (Func<HttpContext, string, Task<IResult>>)HandleAsync)
            .WithName(RouteName)
            .RequireRateLimiting(DownloadRateLimitPolicy.Name)
            .WithoutAuthentication();

    private static async Task<IResult> HandleAsync(HttpContext context, string token)
    {
        var services = context.RequestServices;
        var aborted = context.RequestAborted;
        var links = services.GetRequiredService<DownloadLinks>();
        if (links.Read(token) is not { } grant)
        {
            return Refuse(StatusCodes.Status404NotFound, DownloadMessages.NotValid);
        }

        if (links.HasExpired(grant))
        {
            return Refuse(StatusCodes.Status403Forbidden, DownloadMessages.Expired);
        }

        var release = await services.GetRequiredService<DownloadsDbContext>().Releases.AsNoTracking()
            .FirstOrDefaultAsync(r => r.Id == grant.ReleaseId, aborted);
        if (release is null)
        {
            return Refuse(StatusCodes.Status404NotFound, DownloadMessages.Gone);
        }

        var entitlements = services.GetRequiredService<DownloadEntitlements>();
        var (refusal, license) = grant.LicenseId is { } licenseId
            ? await entitlements.LicenseMayDownloadAsync(licenseId, release, aborted)
            : (await entitlements.MayDownloadAsync(grant.CustomerId!, release, aborted) ? DownloadRefusal.None : DownloadRefusal.NotEntitled, null);
        if (refusal != DownloadRefusal.None)
        {
            return Refuse(StatusCodes.Status403Forbidden, DownloadMessages.For(refusal));
        }

        context.Response.Headers.CacheControl = "private, no-cache";
        var file = new ReleaseFileStream(services.GetRequiredService<IFileStore>(), release.StoredName, release.Size);
        var entry = new Download
        {
            ReleaseId = release.Id,
            LicenseId = license?.LicenseId,
            MaskedKey = license?.MaskedKey,
            CustomerId = license?.CustomerId ?? grant.CustomerId!,
            Address = ClientAddress.Address(context)?.ToString(),
            At = services.GetRequiredService<TimeProvider>().GetUtcNow(),
        };
        return new LoggedDownloadResult(
            Results.Stream(
                file,
                "application/octet-stream",
                release.FileName,
                release.PublishedAt,
                new EntityTagHeaderValue("\"" + release.Sha256 + "\""),
                enableRangeProcessing: true),
            entry);
    }

    private static IResult Refuse(int statusCode, string message) =>
        Results.Text(message, "text/plain; charset=utf-8", System.Text.Encoding.UTF8, statusCode);
}
