namespace StoreSite.Data;

/// <summary>Which database the site uses and how to reach it.</summary>
public sealed record DatabaseConnectionInfo(DatabaseProvider Provider, string ConnectionString);
