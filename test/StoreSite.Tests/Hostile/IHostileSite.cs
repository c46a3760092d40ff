namespace StoreSite.Tests.Hostile;

/// <summary>A site a hostile corpus runs against.</summary>
internal interface IHostileSite
{
    /// <summary>A cookie-keeping client (no auto redirect) of that person.</summary>
    HttpClient Client(Who who);

    /// <summary>What must not change: the database's tables, row counts and contents.</summary>
    Task<string> FingerprintAsync(bool withoutRefusals = false);

    /// <summary>Replaces the placeholders of an expected location (<c>{order}</c>, <c>{admin}</c>, …) with this site's values.</summary>
    string Expand(string location);

    /// <summary>Fails unless the site still serves a normal request normally.</summary>
    Task AssertServingAsync();
}
