namespace StoreSite.Web.Hosting;

/// <summary>
/// <c>StoreSite:ForwardedHeaders</c>: the only proxies whose <c>X-Forwarded-For</c> is trusted.
/// Lists are comma- or semicolon-separated (<c>10.0.0.1,10.0.0.2</c>; <c>10.0.0.0/8</c>).
/// </summary>
public sealed class ForwardedHeadersSettings
{
    public string? KnownProxies { get; set; }

    public string? KnownNetworks { get; set; }
}
