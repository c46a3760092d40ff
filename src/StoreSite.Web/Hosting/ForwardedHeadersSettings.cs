namespace StoreSite.Web.Hosting;

/// <summary>
/// <c>StoreSite:ForwardedHeaders</c>: the only proxies whose <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> are read. Lists are comma- or semicolon-separated
/// (<c>10.0.0.1,10.0.0.2</c>; <c>10.0.0.0/8</c>). With both lists empty (the default) no forwarded
/// header is read from anyone.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    public string? KnownProxies { get; set; }

    public string? KnownNetworks { get; set; }

    /// <summary>How many proxy hops are read from the right of <c>X-Forwarded-For</c>; each hop must be a configured proxy.</summary>
    public int ForwardLimit { get; set; } = 1;

    /// <summary>True when a proxy or a network is configured.</summary>
    public bool AnyProxy =>
        StoreSiteOptionsValidator.Split(KnownProxies).Any() || StoreSiteOptionsValidator.Split(KnownNetworks).Any();
}
