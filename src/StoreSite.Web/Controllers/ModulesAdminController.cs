using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using StoreSite.Data;
using StoreSite.Notifications;
using StoreSite.Web.Hosting;
using StoreSite.Web.Modules;
using StoreSite.Web.ViewModels;

namespace StoreSite.Web.Controllers;

/// <summary>Admin -> Modules: list, enable (with dependencies), disable (refused while depended on).</summary>
[Route("admin/modules")]
public sealed class ModulesAdminController(
    ModuleCatalog catalog,
    ModuleStateCache states,
    ModuleManager manager,
    SiteDatabase database,
    INotifier notifier,
    Data.StoreSiteDbContext db) : Controller
{
    [HttpGet("")]
    [Authorize(Policy = nameof(Permissions.ManageModules))]
    public IActionResult Index()
    {
        var rows = catalog.Modules
            .Select(m => new ModuleRowViewModel(
                m.Id,
                m.Name,
                m.Description,
                m.Dependencies,
                catalog.Dependents(m.Id).Select(d => d.Id).ToList(),
                states.IsEnabled(m.Id)))
            .ToList();
        return View(rows);
    }

    [HttpPost("{id}/enable")]
    [Authorize(Policy = nameof(Permissions.ManageModules))]
    public Task<IActionResult> Enable(string id, CancellationToken cancellationToken) =>
        ChangeAsync(id, enable: true, cancellationToken);

    [HttpPost("{id}/disable")]
    [Authorize(Policy = nameof(Permissions.ManageModules))]
    public Task<IActionResult> Disable(string id, CancellationToken cancellationToken) =>
        ChangeAsync(id, enable: false, cancellationToken);

    private async Task<IActionResult> ChangeAsync(string id, bool enable, CancellationToken cancellationToken)
    {
        var manifest = catalog.Find(id);
        if (manifest is null)
        {
            return NotFound();
        }

        Outcome<ModuleChange> result;
        await using (var transaction = await database.BeginTransactionAsync(cancellationToken))
        {
            var enabled = new HashSet<string>(await states.ReadEnabledAsync(db, cancellationToken), StringComparer.OrdinalIgnoreCase);
            var actor = User.FindFirstValue(ClaimTypes.Name);
            result = enable
                ? await manager.EnableAsync(enabled, id, actor, cancellationToken)
                : await manager.DisableAsync(enabled, id, actor, cancellationToken);
            if (result.Succeeded)
            {
                await manager.SaveAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
        }

        await states.RefreshAsync(cancellationToken);
        if (!result.Succeeded)
        {
            notifier.Error(ModuleChangeMessages.Refused(result.WithoutValue(), manifest.Name));
        }
        else
        {
            notifier.Success(enable ? ModuleChangeMessages.Enabled(result.Value!) : ModuleChangeMessages.Disabled(result.Value!));
        }
        return RedirectToAction(nameof(Index));
    }
}
