namespace StoreSite.Modules;

/// <summary>
/// Which modules are enabled on this site. Contributions (menus, widgets, recipe steps, event
/// handlers, plan editor extensions) belong to the module whose assembly declares them; the host
/// maps a contributor's type to its module, so contracts need not carry a module id.
/// </summary>
public interface IModuleState
{
    /// <summary>True when the module is enabled. Host features (no module) are always enabled.</summary>
    bool IsEnabled(string moduleId);

    /// <summary>True when the module that declares <paramref name="contributorType"/> is enabled, or when the type belongs to no module.</summary>
    bool IsEnabledFor(Type contributorType);

    /// <summary>
    /// The id of the module whose assembly declares <paramref name="contributorType"/>, or null for host
    /// types (e.g. to check a contributor against a recipe's own set of enabled modules).
    /// </summary>
    string? ModuleIdOf(Type contributorType) => null;

    /// <summary>Keeps only the contributors whose module is enabled.</summary>
    IEnumerable<T> OnlyEnabled<T>(IEnumerable<T> contributors)
        where T : notnull
        => contributors.Where(c => IsEnabledFor(c.GetType()));
}
