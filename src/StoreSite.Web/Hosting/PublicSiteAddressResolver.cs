using Microsoft.Extensions.Options;
using StoreSite.Settings;
using StoreSite.Web.Recipes;
using StoreSite.Web.Setup;

namespace StoreSite.Web.Hosting;

/// <summary>
/// <see cref="IPublicSiteAddress"/> (scoped): <c>StoreSite:PublicUrl</c> when set, else the address
/// recorded in the site settings (setup page, Admin -> Settings, <c>Settings</c> recipe step), else the
/// server's <see cref="ListeningAddress"/>. Read on every call, so a change in Settings applies to the next mail.
/// </summary>
public sealed class PublicSiteAddressResolver(
    IOptions<StoreSiteOptions> options,
    SiteState state,
    IServiceProvider services,
    ListeningAddress listening,
    ILogger<PublicSiteAddressResolver> logger) : IPublicSiteAddress
{
    public async Task<PublicSiteAddress> GetAsync(CancellationToken cancellationToken)
    {
        // Validated at start (StoreSiteOptionsValidator), so a non-empty value passes the rule.
        if (SiteSettingsRules.PublicUrl(options.Value.PublicUrl) is { } configured)
        {
            return new PublicSiteAddress(new Uri(configured), PublicSiteAddressSource.Configuration);
        }

        if (state.IsSetUp)
        {
            // Resolved only once the site exists: before setup there is no database to read.
            var site = await services.GetRequiredService<ISiteSettingsStore>().GetAsync<SiteSettings>(SiteSettings.Section, cancellationToken);
            if (SiteSettingsRules.PublicUrl(site.PublicUrl) is { } recorded)
            {
                return new PublicSiteAddress(new Uri(recorded), PublicSiteAddressSource.Settings);
            }

            if (!string.IsNullOrWhiteSpace(site.PublicUrl))
            {
                logger.LogWarning("The public address in the site settings is not an acceptable address; links in mail use the server's own address");
            }
        }

        return new PublicSiteAddress(listening.Get(), PublicSiteAddressSource.Server);
    }
}
