using StoreSite.Modules;

namespace CP.Commerce.Plans;

/// <summary>The plan editor extensions of enabled modules.</summary>
public sealed class PlanEditorExtensions(IEnumerable<IPlanEditorExtension> extensions, IModuleState modules)
{
    /// <summary>Extensions of the modules enabled on the running site.</summary>
    public IReadOnlyList<IPlanEditorExtension> Enabled => modules.OnlyEnabled(extensions).ToList();

    /// <summary>
    /// Extensions of the modules in <paramref name="enabledModules"/> (a recipe's view, which its
    /// <c>feature</c> step may have changed before the running site knows).
    /// </summary>
    public IReadOnlyList<IPlanEditorExtension> EnabledIn(ISet<string> enabledModules)
    {
        ArgumentNullException.ThrowIfNull(enabledModules);
        return extensions.Where(e => modules.ModuleIdOf(e.GetType()) is not { } id || enabledModules.Contains(id)).ToList();
    }
}
