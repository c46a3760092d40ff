namespace CP.Downloads.Models;

/// <summary>
/// One download through a link (<c>/downloads/{token}</c>): one row per request that served the file
/// (200) or a part of it (206); a 304, a HEAD or a refused link writes none.
/// </summary>
public sealed class Download
{
    public long Id { get; set; }

    public int ReleaseId { get; set; }

    /// <summary>The key the link was issued for (the entitlement came from it); null when a paid plan without a license gave it.</summary>
    public int? LicenseId { get; set; }

    /// <summary>The key as logs may show it (every group but the last masked), as it was then; null without a key.</summary>
    public string? MaskedKey { get; set; }

    /// <summary>The customer who held the key (or bought the plan) at the time of the download.</summary>
    public string CustomerId { get; set; } = string.Empty;

    /// <summary>The client's address as the site resolves it (the connection's, after trusted forwarded headers only); null when unknown.</summary>
    public string? Address { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>Whether a part of the file was served (a <c>Range</c> request answered 206).</summary>
    public bool IsPartial { get; set; }

    /// <summary>How many bytes the answer carries (the whole file, or the requested range).</summary>
    public long Bytes { get; set; }
}
