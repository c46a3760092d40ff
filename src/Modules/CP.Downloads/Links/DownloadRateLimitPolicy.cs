using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using StoreSite.Http;

namespace CP.Downloads.Links;

/// <summary>
/// The download links' rate limit, as the licensing API's: <see cref="DownloadsOptions.PermitPerMinute"/>
/// (<c>StoreSite:Downloads:PermitPerMinute</c>) requests per client address (the connection's, after trusted forwarded headers) per minute, one fixed
/// window, no queue; a refused request gets 429, <c>Retry-After</c> and a plain-text reason.
/// </summary>
public sealed class DownloadRateLimitPolicy(IOptions<DownloadsOptions> options) : IRateLimiterPolicy<string>
{
    public const string Name = "downloads-links";

    private readonly FixedWindowRateLimiterOptions _window = new() { PermitLimit = options.Value.PermitPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 };

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        RateLimitPartition.GetFixedWindowLimiter(ClientAddress.Of(httpContext), _ => _window);

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        response.ContentType = "text/plain; charset=utf-8";
        await response.WriteAsync(DownloadMessages.RateLimited, cancellationToken);
    }
}
