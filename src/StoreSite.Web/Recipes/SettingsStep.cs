using StoreSite.Recipes;
using StoreSite.Settings;

namespace StoreSite.Web.Recipes;

/// <summary>
/// <c>{"name": "Settings", "SiteName": "…", "TimeZone": "Europe/Paris", "PageSize": 25, "Currency": "EUR", "PublicUrl": "https://store.example.com/"}</c>.
/// <c>PublicUrl</c> records the public address links in mail start with (an empty string clears it;
/// <c>StoreSite:PublicUrl</c> still wins when configured). Field names are read in any case
/// (<c>timeZone</c> is <c>TimeZone</c>). <c>TimeZone</c> must be a zone the system knows (stored as its
/// IANA id); <c>Currency</c> an ISO 4217 code .NET knows. A recipe changes the currency without the
/// confirmation Admin -> Settings asks for: orders keep their own currency, prices are not converted.
/// </summary>
public sealed class SettingsStep(ISiteSettingsStore settings) : IRecipeStep
{
    public string Name => "Settings";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var site = await settings.GetAsync<SiteSettings>(SiteSettings.Section, cancellationToken);
        if (context.OptionalString(context.Data, "SiteName", "SiteName") is { } siteName)
        {
            site.SiteName = SiteSettingsRules.SiteName(siteName) ?? throw context.Error("SiteName", SiteSettingsRules.SiteNameProblem);
        }

        if (context.OptionalString(context.Data, "TimeZone", "TimeZone") is { } timeZone)
        {
            site.TimeZone = SiteSettingsRules.TimeZone(timeZone) ?? throw context.Error("TimeZone", SiteSettingsRules.TimeZoneProblem(timeZone));
        }

        if (context.OptionalInt(context.Data, "PageSize", "PageSize", SiteSettingsRules.MinPageSize, SiteSettingsRules.MaxPageSize) is { } pageSize)
        {
            site.PageSize = pageSize;
        }

        if (context.OptionalString(context.Data, "Currency", "Currency") is { } currency)
        {
            site.Currency = SiteSettingsRules.Currency(currency) ?? throw context.Error("Currency", SiteSettingsRules.CurrencyProblem);
        }

        if (context.OptionalString(context.Data, "PublicUrl", "PublicUrl") is { } publicUrl)
        {
            site.PublicUrl = string.IsNullOrWhiteSpace(publicUrl)
                ? null
                : SiteSettingsRules.PublicUrl(publicUrl) ?? throw context.Error("PublicUrl", SiteSettingsRules.PublicUrlProblem);
        }

        await settings.SaveAsync(SiteSettings.Section, site, cancellationToken);
    }
}
