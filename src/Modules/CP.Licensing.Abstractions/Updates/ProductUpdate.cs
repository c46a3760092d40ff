namespace CP.Licensing.Updates;

/// <summary>
/// A release offered by the update check: its version, when it was published, its notes (Markdown), an
/// absolute signed download link (good for a limited time, no session needed), the file's size and SHA-256 (lower-case hex).
/// </summary>
public sealed record ProductUpdate(string Version, DateTimeOffset ReleasedAt, string Notes, Uri DownloadUrl, long Size, string Sha256);
