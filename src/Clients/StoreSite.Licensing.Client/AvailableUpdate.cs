namespace StoreSite.Licensing.Client;

/// <summary>The newest release of the product above the running version that the license entitles to.</summary>
/// <param name="Version">The release's SemVer version.</param>
/// <param name="ReleasedAt">When the release was published, when the store said.</param>
/// <param name="Notes">The release notes (Markdown).</param>
/// <param name="DownloadUrl">A signed download link, good for 24 hours, that needs no session.</param>
/// <param name="Size">The file's size in bytes.</param>
/// <param name="Sha256">The file's SHA-256 (hex); check the downloaded bytes against it.</param>
public sealed record AvailableUpdate(string Version, DateTimeOffset? ReleasedAt, string? Notes, Uri DownloadUrl, long Size, string Sha256);
