namespace StoreSite.Modules;

/// <summary>
/// Describes a module, like Orchard Core's <c>[assembly: Module(...)]</c> manifest.
/// </summary>
public sealed record ModuleManifest(string Id, string Name, string Description, IReadOnlyList<string> Dependencies)
{
    public ModuleManifest(string id, string name, string description)
        : this(id, name, description, [])
    {
    }
}
