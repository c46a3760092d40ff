namespace StoreSite.Data;

/// <summary>The database engines StoreSite runs on.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
