using CP.Commerce.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Data;
using StoreSite.Modules;

namespace CP.Commerce;

public sealed class Startup : ModuleStartup
{
    public override ModuleManifest Manifest => CP.Commerce.Manifest.Module;

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<CommerceDbContext, SqliteCommerceDbContext, PostgresCommerceDbContext>(CommerceDbContext.MigrationsHistoryTable);
    }
}
