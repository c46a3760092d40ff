using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using StoreSite.Http;

namespace CP.Licensing.Api;

/// <summary>
/// Who shares a Verify rate limit: one fixed window of <c>permitPerMinute</c> calls a minute per
/// client address (after trusted forwarded headers), no queue.
/// </summary>
public sealed class VerifyRateLimitPartition
{
    // One options object and one factory for every partition: nothing allocated per request.
    private readonly Func<string, FixedWindowRateLimiterOptions> _window;

    public VerifyRateLimitPartition(int permitPerMinute)
    {
        var window = new FixedWindowRateLimiterOptions { PermitLimit = permitPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 };
        _window = _ => window;
    }

    public RateLimitPartition<string> For(HttpContext httpContext) =>
        RateLimitPartition.GetFixedWindowLimiter(ClientAddress.Of(httpContext), _window);
}
