namespace StoreSite.Web.Modules;

/// <summary>The words an admin (or a recipe's error) reads about a module change, chosen from the <see cref="ModuleManager"/> outcome.</summary>
public static class ModuleChangeMessages
{
    public static string Enabled(ModuleChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var also = change.Changed.Where(id => id != change.Module.Id).ToList();
        return change.Changed.Count == 0
            ? $"{change.Module.Name} is already enabled."
            : also.Count == 0
                ? $"{change.Module.Name} enabled."
                : $"{change.Module.Name} enabled, with its dependencies {string.Join(", ", also)}.";
    }

    public static string Disabled(ModuleChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return change.Changed.Count == 0 ? $"{change.Module.Name} is already disabled." : $"{change.Module.Name} disabled.";
    }

    /// <summary>Why the change did not happen; <paramref name="moduleName"/> is the name of the module asked for, when it is known.</summary>
    public static string Refused(Outcome outcome, string? moduleName)
    {
        switch (outcome.Problem)
        {
            case ModuleProblems.UnknownModule:
                return $"Unknown module '{outcome.Detail}'.";
            case ModuleProblems.HasDependents:
                var blocking = outcome.Detail!;
                var verb = blocking.Contains(", ", StringComparison.Ordinal) ? "depend" : "depends";
                return $"{moduleName} cannot be disabled while {blocking} {verb} on it. Disable {blocking} first.";
            default:
                return $"The module change was refused ({outcome.Problem}).";
        }
    }
}
