namespace CP.Licensing.Lifecycle;

/// <summary>The site's development-environment settings: which domains, and how many per key.</summary>
public sealed record DevelopmentPolicy(DevelopmentDomains Domains, int MaxSitesPerLicense);
