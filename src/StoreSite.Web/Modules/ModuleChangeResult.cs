namespace StoreSite.Web.Modules;

/// <summary>The outcome of enabling or disabling a module, with a message for the admin.</summary>
public sealed record ModuleChangeResult(bool Succeeded, string Message, IReadOnlyList<string> Changed)
{
    public static ModuleChangeResult Refused(string message) => new(false, message, []);
}
