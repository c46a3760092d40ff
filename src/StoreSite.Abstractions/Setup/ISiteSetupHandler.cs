namespace StoreSite.Setup;

/// <summary>
/// Runs once when the site is set up, inside the setup transaction, after the recipe (e.g. the
/// licensing module generates its signing secret unless the recipe gave one).
/// </summary>
public interface ISiteSetupHandler
{
    Task SiteSetUpAsync(CancellationToken cancellationToken);
}
