using StoreSite.Recipes;
using StoreSite.Web.Hosting;
using StoreSite.Web.Modules;

namespace StoreSite.Web.Recipes;

/// <summary>
/// <c>{"name": "feature", "enable": ["CP.Licensing"], "disable": []}</c>: enables modules (with
/// their dependencies) and disables modules no enabled module depends on.
/// </summary>
public sealed class FeatureStep(ModuleManager modules, ModuleCatalog catalog) : IRecipeStep
{
    public string Name => "feature";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var enable = context.StringArray(context.Data, "enable", "enable");
        var disable = context.StringArray(context.Data, "disable", "disable");
        for (var i = 0; i < disable.Count; i++)
        {
            var result = await modules.DisableAsync(context.EnabledModules, disable[i], "recipe", cancellationToken);
            if (!result.Succeeded)
            {
                throw context.Error($"disable[{i}]", ModuleChangeMessages.Refused(result.WithoutValue(), catalog.Find(disable[i])?.Name));
            }
        }

        for (var i = 0; i < enable.Count; i++)
        {
            var result = await modules.EnableAsync(context.EnabledModules, enable[i], "recipe", cancellationToken);
            if (!result.Succeeded)
            {
                throw context.Error($"enable[{i}]", ModuleChangeMessages.Refused(result.WithoutValue(), catalog.Find(enable[i])?.Name));
            }
        }

        await modules.SaveAsync(cancellationToken);
    }
}
