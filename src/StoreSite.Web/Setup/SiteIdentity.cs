using StoreSite.Settings;

namespace StoreSite.Web.Setup;

/// <summary>What the layout shows of the site (scoped): its name, also before setup.</summary>
public sealed class SiteIdentity(SiteState state, IServiceProvider services)
{
    private string? _name;

    public async Task<string> GetNameAsync(CancellationToken cancellationToken)
    {
        if (_name is not null)
        {
            return _name;
        }

        if (!state.IsSetUp)
        {
            return _name = "StoreSite";
        }

        var settings = await services.GetRequiredService<ISiteSettingsStore>().GetAsync<SiteSettings>(SiteSettings.Section, cancellationToken);
        return _name = settings.SiteName;
    }
}
