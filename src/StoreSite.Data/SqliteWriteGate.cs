using StoreSite.Data;

namespace StoreSite.Data;

/// <summary>
/// SQLite has one writer at a time, and Microsoft.Data.Sqlite answers a busy database by putting
/// the thread to sleep between retries. So on SQLite the Verify API's writes (a new environment,
/// a last-seen update) queue here, asynchronously, and never meet each other's write lock. It only
/// spares busy-waiting: the invariants stay in the database (conditional UPDATE, unique index).
/// PostgreSQL, where several nodes share the database and row locks serialize calls on one
/// license only, needs no gate.
/// </summary>
public sealed class SqliteWriteGate : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Waits for this process's turn to write on SQLite; on PostgreSQL returns at once.</summary>
    public async ValueTask<Turn> EnterAsync(SiteDatabase database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (database.Provider != DatabaseProvider.Sqlite)
        {
            return default;
        }

        await _gate.WaitAsync(cancellationToken);
        return new Turn(_gate);
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>Dispose to let the next writer in.</summary>
    public readonly struct Turn(SemaphoreSlim? gate) : IDisposable
    {
        public void Dispose() => gate?.Release();
    }
}
