namespace StoreSite.Web.Modules;

/// <summary>Marks an endpoint as belonging to a module: it answers 404 while the module is disabled.</summary>
public sealed record ModuleEndpointMetadata(string ModuleId);
