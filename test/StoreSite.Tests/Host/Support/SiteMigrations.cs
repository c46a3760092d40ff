using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Data;
using StoreSite.Tests.Infrastructure;

namespace StoreSite.Tests.Host.Support;

public static class SiteMigrations
{
    /// <summary>Per module DbContext: (applied, pending) migration counts.</summary>
    public static Task<Dictionary<string, (int Applied, int Pending)>> MigrationStateAsync(this TestSite site) =>
        site.InScopeAsync(async sp =>
        {
            var state = new Dictionary<string, (int, int)>();
            foreach (var descriptor in sp.GetServices<ModuleDbContextDescriptor>())
            {
                var context = (DbContext)sp.GetRequiredService(descriptor.ContextType);
                state[descriptor.ContextType.Name] = (
                    (await context.Database.GetAppliedMigrationsAsync()).Count(),
                    (await context.Database.GetPendingMigrationsAsync()).Count());
            }

            return state;
        });
}
