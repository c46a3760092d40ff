namespace StoreSite.Data;

/// <summary>The two ends of a write unit of <see cref="SqliteGroupCommit.RunAsync"/>.</summary>
public static class WriteResult
{
    /// <summary>The unit's writes are kept: committed with its batch (or its transaction).</summary>
    public static WriteResult<T> Keep<T>(T value) => new(value, true);

    /// <summary>The unit's writes are rolled back (to its savepoint on SQLite); the caller still gets <paramref name="value"/>.</summary>
    public static WriteResult<T> RollBack<T>(T value) => new(value, false);
}
