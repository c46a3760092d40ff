namespace StoreSite.Files;

/// <summary>
/// Configuration section <c>StoreSite:Files</c> (environment variables <c>StoreSite__Files__…</c>):
/// which <see cref="IFileStore"/> the site uses and the largest upload. The host validates it at start-up.
/// </summary>
public sealed class FilesOptions
{
    public const string Section = "StoreSite:Files";

    public const string FileSystemProvider = "FileSystem";

    public const string S3Provider = "S3";

    /// <summary><c>FileSystem</c> (the default, <c>&lt;AppData&gt;/files</c>) or <c>S3</c>.</summary>
    public string Provider { get; set; } = FileSystemProvider;

    /// <summary>The folder for <c>FileSystem</c>; empty means <c>&lt;AppData&gt;/files</c>. Several nodes need a shared folder.</summary>
    public string? Path { get; set; }

    /// <summary>The S3 bucket (required for <c>S3</c>).</summary>
    public string? Bucket { get; set; }

    /// <summary>An S3-compatible server's address (e.g. <c>http://127.0.0.1:4568</c>); empty means AWS itself in <see cref="Region"/>.</summary>
    public string? ServiceUrl { get; set; }

    public string? Region { get; set; }

    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    /// <summary>Path-style addresses (<c>host/bucket/key</c>), which most S3-compatible servers need.</summary>
    public bool ForcePathStyle { get; set; }

    /// <summary>The largest file an upload may carry, in MiB.</summary>
    public int MaxUploadMegabytes { get; set; } = 512;

    public long MaxUploadBytes => MaxUploadMegabytes * 1024L * 1024L;
}
