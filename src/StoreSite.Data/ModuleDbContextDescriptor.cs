namespace StoreSite.Data;

/// <summary>Registered for every module DbContext so the host can migrate them all, in registration order.</summary>
public sealed record ModuleDbContextDescriptor(Type ContextType, string MigrationsHistoryTable);
