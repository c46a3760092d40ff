namespace StoreSite.Web.Hosting;

/// <summary>
/// <c>StoreSite:Metrics</c>: who may read <c>/metrics</c>. Without a token the endpoint does not
/// exist (404); with one it answers only requests carrying <c>Authorization: Bearer &lt;token&gt;</c>.
/// </summary>
public sealed class MetricsOptions
{
    /// <summary>The shortest token accepted.</summary>
    public const int MinTokenLength = 16;

    /// <summary>The scrape token (at least <see cref="MinTokenLength"/> characters); empty: <c>/metrics</c> is not served.</summary>
    public string? Token { get; set; }
}
