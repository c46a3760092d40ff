namespace CP.Licensing.Models;

/// <summary>One environment on a license's allow-list: a normalized domain and an IP address.</summary>
public sealed class LicenseActivation
{
    public int Id { get; set; }

    public int LicenseId { get; set; }

    /// <summary>Normalized: lower case, punycode, no trailing dot, no leading <c>www.</c>.</summary>
    public required string Domain { get; set; }

    /// <summary>Canonical text of the address (an IPv4-mapped IPv6 address is stored as IPv4).</summary>
    public required string Ip { get; set; }

    /// <summary>A development environment (docs/verify-api.md): keyed by its domain only, uses no slot.</summary>
    public bool IsDevelopment { get; set; }

    public DateTimeOffset FirstSeenAt { get; set; }

    /// <summary>Updated by Verify calls that match, at most once a minute.</summary>
    public DateTimeOffset LastSeenAt { get; set; }
}
