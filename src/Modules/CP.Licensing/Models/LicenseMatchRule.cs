namespace CP.Licensing.Models;

/// <summary>When a Verify call matches an environment already on the allow-list.</summary>
public enum LicenseMatchRule
{
    /// <summary>The store's documented rule: the domain or the IP is already on the list.</summary>
    DomainOrIp = 0,

    /// <summary>Only the domain counts (sites whose IP changes).</summary>
    Domain = 1,

    /// <summary>Only the IP counts (apps without a domain).</summary>
    Ip = 2,
}
