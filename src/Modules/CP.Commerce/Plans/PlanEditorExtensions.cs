using System.Collections.Concurrent;
using System.Reflection;
using StoreSite.Modules;

namespace CP.Commerce.Plans;

/// <summary>The plan editor extensions of enabled modules.</summary>
public sealed class PlanEditorExtensions(IEnumerable<IPlanEditorExtension> extensions, IModuleState modules)
{
    private static readonly ConcurrentDictionary<Assembly, string?> ModuleOfAssembly = new();

    /// <summary>Extensions of the modules enabled on the running site.</summary>
    public IReadOnlyList<IPlanEditorExtension> Enabled => modules.OnlyEnabled(extensions).ToList();

    /// <summary>
    /// Extensions of the modules in <paramref name="enabledModules"/> (a recipe's view, which its
    /// <c>feature</c> step may have changed before the running site knows).
    /// </summary>
    public IReadOnlyList<IPlanEditorExtension> EnabledIn(ISet<string> enabledModules)
    {
        ArgumentNullException.ThrowIfNull(enabledModules);
        return extensions.Where(e => ModuleIdOf(e.GetType()) is not { } id || enabledModules.Contains(id)).ToList();
    }

    /// <summary>The id of the module whose assembly declares <paramref name="type"/> (from its <see cref="ModuleStartup"/>), or null.</summary>
    private static string? ModuleIdOf(Type type) =>
        ModuleOfAssembly.GetOrAdd(type.Assembly, assembly => assembly.GetTypes()
            .Where(t => typeof(ModuleStartup).IsAssignableFrom(t) && !t.IsAbstract && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => ((ModuleStartup)Activator.CreateInstance(t)!).Manifest.Id)
            .FirstOrDefault());
}
