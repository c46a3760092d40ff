namespace StoreSite.Web.Setup;

/// <summary>Whether this node's database holds a set-up site (singleton; once true it stays true).</summary>
public sealed class SiteState
{
    private volatile bool _isSetUp;

    public bool IsSetUp => _isSetUp;

    /// <summary>When a node waiting for setup last asked the database (another node may have set it up).</summary>
    public DateTimeOffset LastChecked { get; set; }

    public void MarkSetUp() => _isSetUp = true;
}
