using StoreSite.Setup;

namespace CP.Licensing.Settings;

/// <summary>At setup, after the recipe: generates the signing secret unless the recipe gave one.</summary>
public sealed class LicensingSetupHandler(LicensingSettingsStore settings) : ISiteSetupHandler
{
    public Task SiteSetUpAsync(CancellationToken cancellationToken) => settings.EnsureSecretAsync(cancellationToken);
}
