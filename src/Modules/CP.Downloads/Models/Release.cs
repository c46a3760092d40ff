namespace CP.Downloads.Models;

/// <summary>One release of a product: a SemVer version, Markdown notes and one stored file.</summary>
public sealed class Release
{
    public int Id { get; set; }

    /// <summary>The commerce product (by id; downloads never reads commerce tables).</summary>
    public int ProductId { get; set; }

    /// <summary>The version as entered (SemVer 2.0), unique per product.</summary>
    public string Version { get; set; } = string.Empty;

    /// <summary>The numeric parts and the pre-release flag, so that lists order by version in the database.</summary>
    public long VersionMajor { get; set; }

    public long VersionMinor { get; set; }

    public long VersionPatch { get; set; }

    public bool IsPreRelease { get; set; }

    /// <summary>Markdown, rendered with raw HTML disabled.</summary>
    public string Notes { get; set; } = string.Empty;

    /// <summary>The file's name as the customer receives it.</summary>
    public string FileName { get; set; } = string.Empty;

    /// <summary>The file's name in the <see cref="StoreSite.Files.IFileStore"/>.</summary>
    public string StoredName { get; set; } = string.Empty;

    public long Size { get; set; }

    /// <summary>The file's SHA-256, lower-case hex (as the store computed it).</summary>
    public string Sha256 { get; set; } = string.Empty;

    public bool IsPublished { get; set; }

    /// <summary>When the release was (last) published; null while it never was.</summary>
    public DateTimeOffset? PublishedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
