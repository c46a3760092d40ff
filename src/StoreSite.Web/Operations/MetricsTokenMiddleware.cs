using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using StoreSite.Web.Hosting;

namespace StoreSite.Web.Operations;

/// <summary>
/// Guards <c>/metrics</c> (mapped only when <c>StoreSite:Metrics:Token</c> is set): a request passes
/// with <c>Authorization: Bearer &lt;token&gt;</c>, anything else answers 401 with
/// <c>WWW-Authenticate: Bearer</c>. The comparison is of SHA-256 hashes in constant time, so neither
/// the token's characters nor its length show in the answer's timing.
/// </summary>
public sealed class MetricsTokenMiddleware
{
    private const string Scheme = "Bearer ";

    private readonly RequestDelegate _next;
    private readonly byte[] _tokenHash;

    public MetricsTokenMiddleware(RequestDelegate next, IOptions<StoreSiteOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var token = options.Value.Metrics.Token;
        if (string.IsNullOrEmpty(token))
        {
            throw new InvalidOperationException("StoreSite:Metrics:Token is not set: /metrics must not be mapped.");
        }

        _next = next;
        _tokenHash = SHA256.HashData(Encoding.UTF8.GetBytes(token));
    }

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Presents(context.Request.Headers.Authorization))
        {
            return _next(context);
        }

        var response = context.Response;
        response.StatusCode = StatusCodes.Status401Unauthorized;
        response.Headers.WWWAuthenticate = "Bearer";
        response.Headers.CacheControl = "no-store";
        response.ContentType = "text/plain; charset=utf-8";
        return response.WriteAsync("/metrics needs the scrape token: Authorization: Bearer <token>.", context.RequestAborted);
    }

    private bool Presents(StringValues authorization)
    {
        if (authorization.Count != 1 || authorization[0] is not { } value
            || !value.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var presented = value.AsSpan(Scheme.Length).Trim();
        var bytes = new byte[Encoding.UTF8.GetByteCount(presented)];
        Encoding.UTF8.GetBytes(presented, bytes);
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(bytes), _tokenHash);
    }
}
