using CP.Commerce.Admin;
using CP.Downloads.Admin;
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

        services.AddSingleton<IPermissionProvider, Permissions>();
        services.AddSingleton<IProductAdminLink, ReleasesProductLink>();
        services.AddSingleton<IWidget, AccountDownloadsWidget>();

        services.AddScoped<ReleaseUploads>();
        services.AddScoped<ReleaseChanges>();
        services.AddScoped<ReleaseListQuery>();
        services.AddScoped<DownloadEntitlements>();
        services.AddScoped<CP.Downloads.Customer.CustomerDownloadsQuery>();
        services.AddScoped<IRecipeStep, ReleasesStep>();
        services.AddSingleton<DownloadLinks>();
        services.AddScoped<IProductUpdates, ProductUpdates>();

        var permitPerMinute = configuration.GetValue(DownloadRateLimitPolicy.PermitSetting, DownloadRateLimitPolicy.DefaultPermitPerMinute);
        if (permitPerMinute < 1)
        {
            throw new InvalidOperationException($"{DownloadRateLimitPolicy.PermitSetting} must be at least 1.");
        }

        services.Configure<RateLimiterOptions>(o => o.AddPolicy(DownloadRateLimitPolicy.Name, new DownloadRateLimitPolicy(permitPerMinute)));
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => DownloadEndpoint.Map(endpoints);
}
