using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CP.Licensing.Api;

/// <summary>
/// The licensing API's rate limit, one budget for Verify, Deactivate and the update check (the three
/// endpoints name this policy, so they share its partitions): <c>StoreSite:Licensing:Verify:PermitPerMinute</c> calls per client
/// address per minute (<see cref="VerifyRateLimitPartition"/>), checked before the body is read. A
/// refused call gets 429, <c>Retry-After</c> and the documented JSON body (<see cref="ApiResponseWriter"/>).
/// </summary>
public sealed class VerifyRateLimitPolicy(IOptions<LicensingOptions> options, LicensingMetrics metrics) : IRateLimiterPolicy<string>
{
    public const string Name = "licensing-verify";

    private readonly VerifyRateLimitPartition _partition = new(options.Value.Verify.PermitPerMinute);

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) => _partition.For(httpContext);

    private async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        var path = context.HttpContext.Request.Path;
        if (path.Equals(VerifyContract.DeactivateRoute, StringComparison.OrdinalIgnoreCase))
        {
            metrics.Deactivation(VerifyResult.RateLimited.Code);
        }
        else if (path.Equals(VerifyContract.UpdatesRoute, StringComparison.OrdinalIgnoreCase))
        {
            metrics.UpdateCheck(VerifyResult.RateLimited.Code);
        }
        else
        {
            metrics.Answered(VerifyResult.RateLimited.Code);
        }

        await ApiResponseWriter.WriteAsync(context.HttpContext, VerifyResult.RateLimited, null, cancellationToken);
    }
}
