using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;
using StoreSite.Modules;
using StoreSite.Web.Data;
using StoreSite.Web.Hosting;
using StoreSite.Web.Setup;

namespace StoreSite.Web.Modules;

/// <summary>
/// The enabled modules, read from the database and held in memory (singleton). Refreshed after
/// every change on this node and every few seconds by <see cref="ModuleStateRefresher"/>, so a
/// change on another node shows up here shortly after.
/// </summary>
public sealed class ModuleStateCache(ModuleCatalog catalog, IServiceScopeFactory scopes, SiteState siteState) : IModuleState
{
    private volatile FrozenSet<string> _enabled = FrozenSet<string>.Empty;

    public IReadOnlySet<string> Enabled => _enabled;

    public bool IsEnabled(string moduleId) => _enabled.Contains(moduleId);

    public bool IsEnabledFor(Type contributorType)
    {
        var module = catalog.FindByType(contributorType);
        return module is null || _enabled.Contains(module.Id);
    }

    public string? ModuleIdOf(Type contributorType) => catalog.FindByType(contributorType)?.Id;

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        if (!siteState.IsSetUp)
        {
            _enabled = FrozenSet<string>.Empty;
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StoreSiteDbContext>();
        _enabled = await ReadEnabledAsync(db, cancellationToken);
    }

    /// <summary>Reads the enabled set through <paramref name="db"/> (inside its transaction, if any).</summary>
    public async Task<FrozenSet<string>> ReadEnabledAsync(StoreSiteDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = await db.ModuleStates.AsNoTracking().Where(m => m.Enabled).Select(m => m.ModuleId).ToListAsync(cancellationToken);
        return ids.Where(id => catalog.Find(id) is not null).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}
