namespace CP.Downloads.Links;

/// <summary>
/// What a download link carries: the release, the grant it was issued for (a license id, or the customer
/// for a paid plan that issues no license) and when it expires (site clock).
/// </summary>
public sealed record DownloadToken(int ReleaseId, int? LicenseId, string? CustomerId, DateTimeOffset ExpiresAt);
