using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace StoreSite.Web.Operations;

/// <summary>
/// Reads <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> from the configured proxies only
/// (ASP.NET Core's forwarded-headers middleware with <c>StoreSite:ForwardedHeaders</c>'s lists and
/// <c>ForwardLimit</c>); never <c>X-Forwarded-Host</c>. A forwarded scheme other than <c>http</c> or
/// <c>https</c> is ignored. The host puts this in the pipeline only when a proxy or network is
/// configured: with none, forwarded headers are not read from anyone.
/// </summary>
public sealed class TrustedProxyHeadersMiddleware
{
    private readonly ForwardedHeadersMiddleware _forwarded;
    private readonly RequestDelegate _next;

    public TrustedProxyHeadersMiddleware(RequestDelegate next, ILoggerFactory loggerFactory, IOptions<ForwardedHeadersOptions> options)
    {
        _next = next;
        _forwarded = new ForwardedHeadersMiddleware(next, loggerFactory, options);
    }

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var connectionScheme = request.Scheme;
        _forwarded.ApplyForwarders(context);
        var forwardedScheme = request.Scheme;
        if (!string.Equals(forwardedScheme, connectionScheme, StringComparison.Ordinal))
        {
            request.Scheme = string.Equals(forwardedScheme, Uri.UriSchemeHttps, StringComparison.OrdinalIgnoreCase) ? Uri.UriSchemeHttps
                : string.Equals(forwardedScheme, Uri.UriSchemeHttp, StringComparison.OrdinalIgnoreCase) ? Uri.UriSchemeHttp
                : connectionScheme;
        }

        return _next(context);
    }
}
