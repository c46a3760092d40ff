using Microsoft.EntityFrameworkCore;
using StoreSite.Web.Data;
using StoreSite.Web.Hosting;

namespace StoreSite.Web.Modules;

/// <summary>
/// Enables and disables modules (Orchard's feature manager): enabling enables dependencies first;
/// disabling is refused while an enabled module depends on the module. Works on an explicit set of
/// enabled ids so a recipe can chain changes inside its transaction.
/// </summary>
public sealed class ModuleManager(ModuleCatalog catalog, StoreSiteDbContext db, TimeProvider clock)
{
    public async Task<ModuleChangeResult> EnableAsync(ISet<string> enabled, string moduleId, string? actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(enabled);
        var manifest = catalog.Find(moduleId);
        if (manifest is null)
        {
            return ModuleChangeResult.Refused($"Unknown module '{moduleId}'.");
        }

        var changed = new List<string>();
        foreach (var module in catalog.WithDependencies(manifest.Id))
        {
            if (enabled.Add(module.Id))
            {
                await RecordAsync(module.Id, true, actor, cancellationToken);
                changed.Add(module.Id);
            }
        }

        var also = changed.Where(id => id != manifest.Id).ToList();
        var message = changed.Count == 0
            ? $"{manifest.Name} is already enabled."
            : also.Count == 0
                ? $"{manifest.Name} enabled."
                : $"{manifest.Name} enabled, with its dependencies {string.Join(", ", also)}.";
        return new ModuleChangeResult(true, message, changed);
    }

    public async Task<ModuleChangeResult> DisableAsync(ISet<string> enabled, string moduleId, string? actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(enabled);
        var manifest = catalog.Find(moduleId);
        if (manifest is null)
        {
            return ModuleChangeResult.Refused($"Unknown module '{moduleId}'.");
        }

        var blocking = catalog.Dependents(manifest.Id).Where(d => enabled.Contains(d.Id)).Select(d => d.Name).ToList();
        if (blocking.Count > 0)
        {
            return ModuleChangeResult.Refused(
                $"{manifest.Name} cannot be disabled while {string.Join(", ", blocking)} {(blocking.Count == 1 ? "depends" : "depend")} on it. Disable {string.Join(", ", blocking)} first.");
        }

        if (!enabled.Remove(manifest.Id))
        {
            return new ModuleChangeResult(true, $"{manifest.Name} is already disabled.", []);
        }

        await RecordAsync(manifest.Id, false, actor, cancellationToken);
        return new ModuleChangeResult(true, $"{manifest.Name} disabled.", [manifest.Id]);
    }

    /// <summary>Writes the pending changes.</summary>
    public Task SaveAsync(CancellationToken cancellationToken) => db.SaveChangesAsync(cancellationToken);

    private async Task RecordAsync(string moduleId, bool enabled, string? actor, CancellationToken cancellationToken)
    {
        var record = db.ModuleStates.Local.FirstOrDefault(m => m.ModuleId == moduleId)
            ?? await db.ModuleStates.FirstOrDefaultAsync(m => m.ModuleId == moduleId, cancellationToken);
        if (record is null)
        {
            record = new ModuleStateRecord { ModuleId = moduleId };
            db.ModuleStates.Add(record);
        }

        record.Enabled = enabled;
        record.ChangedAt = clock.GetUtcNow();
        record.ChangedBy = actor;
    }
}
