using StoreSite.Modules;

namespace StoreSite.Web.Modules;

/// <summary>What enabling or disabling a module changed: the module asked for, and the ids whose state changed (none when it was already so).</summary>
public sealed record ModuleChange(ModuleManifest Module, IReadOnlyList<string> Changed);
