using StoreSite.Widgets;

namespace CP.Licensing.Widgets;

/// <summary>The licensing section of Admin -> Settings: development sites and the public key that checks signed answers.</summary>
public sealed class LicensingSettingsWidget : IWidget
{
    public string Zone => Zones.AdminSettings;

    public int Position => 20;

    public Type ViewComponent => typeof(LicensingSettingsViewComponent);
}
