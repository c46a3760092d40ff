using CP.Commerce.Admin;
using CP.Downloads.Admin;
using CP.Downloads.Customer;
using CP.Downloads.Log;
using CP.Licensing.Pages;
using CP.Downloads.Data;
using CP.Downloads.Entitlement;
using CP.Downloads.Recipes;
using CP.Downloads.Releases;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Data;
using StoreSite.Modules;
using StoreSite.Recipes;
using StoreSite.Security;
using StoreSite.Widgets;
using CP.Downloads.Widgets;
using CP.Downloads.Links;
using CP.Downloads.Updates;
using CP.Licensing.Updates;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;

namespace CP.Downloads;

public sealed class Startup : ModuleStartup
{
    public override ModuleManifest Manifest => CP.Downloads.Manifest.Module;

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<DownloadsDbContext, SqliteDownloadsDbContext, PostgresDownloadsDbContext>(DownloadsDbContext.MigrationsHistoryTable);
        services.AddOptions<DownloadsOptions>()
            .Bind(configuration.GetSection(DownloadsOptions.Section))
            .Validate(o => o.PermitPerMinute >= 1, $"{DownloadsOptions.PermitPerMinuteSetting} must be at least 1.")
            .ValidateOnStart();

        services.AddSingleton<IPermissionProvider, Permissions>();
        services.AddSingleton<IProductAdminLink, ReleasesProductLink>();
        services.AddSingleton<IWidget, AccountDownloadsWidget>();
        services.AddScoped<ILicensePageSection, LicenseDownloadsSection>();

        services.AddScoped<ReleaseUploads>();
        services.AddScoped<ReleaseChanges>();
        services.AddScoped<ReleaseListQuery>();
        services.AddScoped<DownloadEntitlements>();
        services.AddScoped<CustomerDownloadsQuery>();
        services.AddScoped<IRecipeStep, ReleasesStep>();
        services.AddSingleton<DownloadLinks>();
        services.AddScoped<DownloadLog>();
        services.AddScoped<DownloadLogQuery>();
        services.AddScoped<IProductUpdates, ProductUpdates>();

        services.Configure<RateLimiterOptions>(o => o.AddPolicy<string, DownloadRateLimitPolicy>(DownloadRateLimitPolicy.Name));
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => DownloadEndpoint.Map(endpoints);
}
