namespace StoreSite.Web.Modules;

/// <summary>The stable codes of a module change that was refused.</summary>
public static class ModuleProblems
{
    /// <summary>No module has that id (the detail is the id asked for).</summary>
    public const string UnknownModule = "unknown_module";

    /// <summary>Enabled modules depend on the module (the detail is their names, comma separated).</summary>
    public const string HasDependents = "has_dependents";
}
