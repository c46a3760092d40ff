using Microsoft.EntityFrameworkCore;
using StoreSite.Modules;
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
    public async Task<Outcome<ModuleChange>> EnableAsync(ISet<string> enabled, string moduleId, string? actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(enabled);
        var manifest = catalog.Find(moduleId);
        if (manifest is null)
        {
            return Outcome.Refused(ModuleProblems.UnknownModule, detail: moduleId);
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

        return Outcome<ModuleChange>.Done(new ModuleChange(manifest, changed));
    }

    public async Task<Outcome<ModuleChange>> DisableAsync(ISet<string> enabled, string moduleId, string? actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(enabled);
        var manifest = catalog.Find(moduleId);
        if (manifest is null)
        {
            return Outcome.Refused(ModuleProblems.UnknownModule, detail: moduleId);
        }

        var blocking = catalog.Dependents(manifest.Id).Where(d => enabled.Contains(d.Id)).Select(d => d.Name).ToList();
        if (blocking.Count > 0)
        {
            return Outcome.Refused(ModuleProblems.HasDependents, detail: string.Join(", ", blocking));
        }

        if (!enabled.Remove(manifest.Id))
        {
            return Outcome<ModuleChange>.Done(new ModuleChange(manifest, []));
        }

        await RecordAsync(manifest.Id, false, actor, cancellationToken);
        return Outcome<ModuleChange>.Done(new ModuleChange(manifest, [manifest.Id]));
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
