namespace StoreSite.Web.Setup;

public enum SetupOutcome
{
    /// <summary>This call set the site up.</summary>
    SetUp,

    /// <summary>The database already held a site (another node, or an earlier run): nothing was done.</summary>
    AlreadySetUp,

    /// <summary>The recipe or the request was refused; nothing was applied.</summary>
    Failed,
}
