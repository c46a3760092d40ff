namespace StoreSite.Web.Hosting;

/// <summary>
/// <c>StoreSite:Database</c>. When <see cref="Provider"/> is set it takes precedence over what the
/// setup page stored under AppData. Empty means "not configured".
/// </summary>
public sealed class DatabaseOptions
{
    /// <summary><c>Sqlite</c> or <c>Postgres</c>.</summary>
    public string? Provider { get; set; }

    /// <summary>Required for Postgres; for Sqlite defaults to <c>&lt;AppData&gt;/store.db</c>.</summary>
    public string? ConnectionString { get; set; }
}
