using System.Collections.Frozen;
using StoreSite.Security;

namespace StoreSite.Web.Security;

/// <summary>Every permission every module declares (singleton).</summary>
public sealed class PermissionCatalog(IEnumerable<IPermissionProvider> providers)
{
    private readonly FrozenDictionary<string, Permission> _byName = providers
        .SelectMany(p => p.GetPermissions())
        .DistinctBy(p => p.Name, StringComparer.Ordinal)
        .ToFrozenDictionary(p => p.Name, StringComparer.Ordinal);

    public IEnumerable<IPermissionProvider> Providers { get; } = providers.ToList();

    public IEnumerable<Permission> All => _byName.Values.OrderBy(p => p.Name, StringComparer.Ordinal);

    public Permission? Find(string name) => _byName.GetValueOrDefault(name);
}
