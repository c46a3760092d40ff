namespace StoreSite.Tests.Hostile;

/// <summary>A site a hostile corpus runs against.</summary>
internal interface IHostileSite
{
    /// <summary>A cookie-keeping client (no auto redirect) of that person.</summary>
    HttpClient Client(Who who);

    /// <summary>What must not change: the database's tables, row counts and contents.</summary>
    Task<string> FingerprintAsync();

    /// <summary>Fails unless the site still serves a normal request normally.</summary>
    Task AssertServingAsync();
}
