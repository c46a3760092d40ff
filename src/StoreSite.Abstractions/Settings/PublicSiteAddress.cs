namespace StoreSite.Settings;

/// <summary>The site's public base address (absolute http or https, ending in '/') and where it comes from.</summary>
public sealed class PublicSiteAddress
{
    public PublicSiteAddress(Uri baseUrl, PublicSiteAddressSource source)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        if (!baseUrl.IsAbsoluteUri || !baseUrl.AbsolutePath.EndsWith('/'))
        {
            throw new ArgumentException($"The public base address must be absolute and end in '/', not '{baseUrl}'.", nameof(baseUrl));
        }

        BaseUrl = baseUrl;
        Source = source;
    }

    /// <summary>E.g. <c>https://store.example.com/</c> or <c>https://example.com/shop/</c>.</summary>
    public Uri BaseUrl { get; }

    public PublicSiteAddressSource Source { get; }

    /// <summary>False when neither configuration nor the site settings give the address (the server's own is used).</summary>
    public bool IsSet => Source != PublicSiteAddressSource.Server;

    /// <summary>
    /// The absolute link to a page of the site, e.g. <c>Link("account/orders/1001")</c>; a leading '/' is
    /// ignored, so the link stays under the base address's path. Escape values put into it; a path
    /// that would lead elsewhere (<c>https://other.example/</c>, <c>../</c>) is refused.
    /// </summary>
    public Uri Link(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var link = new Uri(BaseUrl, relativePath.TrimStart('/'));
        if (link.Scheme != BaseUrl.Scheme
            || !string.Equals(link.Authority, BaseUrl.Authority, StringComparison.OrdinalIgnoreCase)
            || !link.AbsolutePath.StartsWith(BaseUrl.AbsolutePath, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{relativePath}' is not a page under {BaseUrl}.", nameof(relativePath));
        }

        return link;
    }
}
