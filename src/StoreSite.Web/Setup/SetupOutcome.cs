namespace StoreSite.Web.Setup;

/// <summary>What a setup that was not refused did.</summary>
public enum SetupOutcome
{
    /// <summary>This call set the site up.</summary>
    SetUp,

    /// <summary>The database already held a site (another node, or an earlier run): nothing was done.</summary>
    AlreadySetUp,
}
