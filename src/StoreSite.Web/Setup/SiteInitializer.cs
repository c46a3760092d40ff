using Microsoft.Extensions.Options;
using StoreSite.Data;
using StoreSite.Web.Data;
using StoreSite.Web.Hosting;

namespace StoreSite.Web.Setup;

/// <summary>
/// Runs before the app serves requests: a database that already holds a site is migrated and used
/// (auto-setup is then skipped, never run twice); otherwise <c>StoreSite:AutoSetup</c> sets the site
/// up headless; otherwise every page leads to <c>/setup</c>.
/// </summary>
public sealed class SiteInitializer(
    DatabaseLocator locator,
    SiteConnection site,
    SetupService setup,
    IOptions<StoreSiteOptions> options,
    ILogger<SiteInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var database = locator.Locate();
        if (database is not null)
        {
            site.Use(database);
            if (await setup.IsSiteInDatabaseAsync(cancellationToken))
            {
                await setup.JoinExistingSiteAsync(cancellationToken);
                logger.LogInformation("Site found in the {Provider} database", database.Provider);
                return;
            }
        }

        var auto = options.Value.AutoSetup;
        if (!auto.IsRequested)
        {
            logger.LogInformation("No site yet: open /setup to set it up");
            return;
        }

        var request = new SetupRequest(
            auto.SiteName ?? "StoreSite",
            auto.Recipe!,
            database ?? locator.DefaultSqlite,
            auto.AdminEmail?.Trim() ?? string.Empty,
            auto.AdminPassword ?? string.Empty,
            auto.PublicUrl);
        var problems = await setup.ValidateAsync(request, cancellationToken);
        var result = problems.Count == 0 ? await setup.SetupAsync(request, cancellationToken) : problems[0];
        if (!result.Succeeded)
        {
            var said = string.Join("; ", (problems.Count == 0 ? [result.WithoutValue()] : problems).Select(p => $"StoreSite:AutoSetup:{p.Field}: {SetupMessages.Of(p)}"));
            throw new InvalidOperationException($"Auto-setup failed: {said}");
        }

        logger.LogInformation("Auto-setup: {Outcome}", result.Value);
    }
}
