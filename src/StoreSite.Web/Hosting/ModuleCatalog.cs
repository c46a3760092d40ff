using System.Reflection;
using StoreSite.Modules;

namespace StoreSite.Web.Hosting;

/// <summary>
/// The modules this host is composed of, in the order <c>Program.cs</c> lists them. A module's
/// dependencies must be listed before it. Maps a contributor type to its module by assembly.
/// </summary>
public sealed class ModuleCatalog
{
    private readonly List<ModuleStartup> _startups = [];
    private readonly Dictionary<Assembly, ModuleManifest> _byAssembly = [];
    private readonly Dictionary<string, ModuleManifest> _byId = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<ModuleStartup> Startups => _startups;

    public IEnumerable<ModuleManifest> Modules => _startups.Select(s => s.Manifest);

    public ModuleCatalog Add<TStartup>()
        where TStartup : ModuleStartup, new()
    {
        var startup = new TStartup();
        var manifest = startup.Manifest;
        if (_byId.ContainsKey(manifest.Id))
        {
            throw new InvalidOperationException($"Module '{manifest.Id}' is listed twice.");
        }

        foreach (var dependency in manifest.Dependencies)
        {
            if (!_byId.ContainsKey(dependency))
            {
                throw new InvalidOperationException(
                    $"Module '{manifest.Id}' depends on '{dependency}', which must be added before it.");
            }
        }

        _startups.Add(startup);
        _byId[manifest.Id] = manifest;
        _byAssembly[typeof(TStartup).Assembly] = manifest;
        return this;
    }

    public ModuleManifest? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The module whose assembly declares <paramref name="type"/>; null for host types.</summary>
    public ModuleManifest? FindByType(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return _byAssembly.GetValueOrDefault(type.Assembly);
    }

    /// <summary>The module and everything it depends on, dependencies first.</summary>
    public IReadOnlyList<ModuleManifest> WithDependencies(string id)
    {
        var result = new List<ModuleManifest>();
        Visit(id);
        return result;

        void Visit(string current)
        {
            var manifest = Find(current) ?? throw new KeyNotFoundException(current);
            foreach (var dependency in manifest.Dependencies)
            {
                Visit(dependency);
            }

            if (!result.Contains(manifest))
            {
                result.Add(manifest);
            }
        }
    }

    /// <summary>Modules that depend on <paramref name="id"/> directly or through others.</summary>
    public IReadOnlyList<ModuleManifest> Dependents(string id) =>
        Modules.Where(m => !string.Equals(m.Id, id, StringComparison.OrdinalIgnoreCase)
                && WithDependencies(m.Id).Any(d => string.Equals(d.Id, id, StringComparison.OrdinalIgnoreCase)))
            .ToList();
}
