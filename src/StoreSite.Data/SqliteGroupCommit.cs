using System.Threading.Channels;

namespace StoreSite.Data;

/// <summary>
/// Group commit of the Verify path's small writes on SQLite (a new environment, a last-seen update, a
/// deactivation, a refusal at the limit, a renewal reminder taken). Every SQLite COMMIT is fsynced
/// (<c>synchronous=FULL</c>, <see cref="SiteConnection"/>), so one commit per call would cap them at the
/// disk's fsync rate. Instead callers queue their unit here and one writer loop takes what is queued
/// now (at most <see cref="MaxBatch"/> units, never waiting for more), opens one transaction
/// (<c>BEGIN IMMEDIATE</c>) on its own connection, runs each unit in its own SAVEPOINT (a unit that
/// refuses or throws is rolled back to it alone and gets its own answer or exception), and COMMITs
/// once. Only after that COMMIT returned does any caller of the batch get its answer; when it fails,
/// every unit of the batch gets the failure. Units run one after another on one connection, so a unit
/// sees the writes of the units before it: the invariants stay in the database (conditional UPDATE,
/// unique index) as with one transaction per call. A caller cancelled before its unit starts is
/// dropped; a started unit runs to the commit. Each batch holds the <see cref="SqliteWriteGate"/> turn,
/// so the admin's writes through the gate never meet a batch's write lock.
/// On PostgreSQL (several nodes, row locks) and inside a transaction the caller's scope already has,
/// a unit runs at once on the caller's <see cref="SiteDatabase"/>, as it did before: no queue.
/// Singleton.
/// </summary>
public sealed class SqliteGroupCommit : IAsyncDisposable
{
    /// <summary>At most this many units share one COMMIT.</summary>
    public const int MaxBatch = 64;

    private const string Savepoint = "unit";

    private readonly SiteConnection _site;
    private readonly SqliteWriteGate _gate;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;
    private long _commits;
    private int _waiting;

    public SqliteGroupCommit(SiteConnection site, SqliteWriteGate gate)
    {
        _site = site;
        _gate = gate;
        _writer = Task.Run(WriteAsync);
    }

    /// <summary>How many batches have committed so far (SQLite).</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>How many units are queued and not yet taken by the writer (SQLite).</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>
    /// Runs <paramref name="work"/> as one unit whose writes are kept or rolled back together (its
    /// <see cref="WriteResult{T}.Keep"/>), and returns its value once they are committed. On SQLite
    /// the unit shares its batch's transaction; elsewhere it runs in a transaction of the caller's scope.
    /// </summary>
    public async Task<T> RunAsync<T>(SiteDatabase database, Func<WriteUnit, CancellationToken, Task<WriteResult<T>>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(work);
        if (database.Provider != DatabaseProvider.Sqlite || database.Transaction is not null)
        {
            await using var transaction = await database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var result = await work(new WriteUnit(database), cancellationToken).ConfigureAwait(false);
            if (result.Keep)
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            return result.Value;
        }

        return await EnqueueAsync(work, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs statements that stand on their own (each kept): on SQLite in a batch like
    /// <see cref="RunAsync"/>, elsewhere on the caller's connection without a transaction of their own.
    /// </summary>
    public async Task<T> ExecuteAsync<T>(SiteDatabase database, Func<WriteUnit, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(work);
        if (database.Provider != DatabaseProvider.Sqlite || database.Transaction is not null)
        {
            await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            return await work(new WriteUnit(database), cancellationToken).ConfigureAwait(false);
        }

        return await EnqueueAsync<T>(async (unit, ct) => WriteResult.Keep(await work(unit, ct).ConfigureAwait(false)), cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
    }

    private Task<T> EnqueueAsync<T>(Func<WriteUnit, CancellationToken, Task<WriteResult<T>>> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var pending = new Pending<T>(work);
        pending.Watch(cancellationToken);
        Interlocked.Increment(ref _waiting);
        if (!_queue.Writer.TryWrite(pending))
        {
            Interlocked.Decrement(ref _waiting);
            pending.Fail(new ObjectDisposedException(nameof(SqliteGroupCommit), "The site is stopping: no more writes are taken."));
        }

        return pending.Answer;
    }

    // The writer loop: a batch of what is queued now, under the gate's turn, until disposed.
    private async Task WriteAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<Pending>(MaxBatch);
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            using (await _gate.EnterAsync(CancellationToken.None).ConfigureAwait(false))
            {
                while (batch.Count < MaxBatch && reader.TryRead(out var pending))
                {
                    Interlocked.Decrement(ref _waiting);
                    if (pending.TryStart())
                    {
                        batch.Add(pending);
                    }
                }

                if (batch.Count > 0)
                {
                    await CommitAsync(batch).ConfigureAwait(false);
                }
            }

            batch.Clear();
        }
    }

    /// <summary>One transaction for the batch, a savepoint per unit, one COMMIT; then the answers.</summary>
    private async Task CommitAsync(List<Pending> batch)
    {
        var committed = false;
        try
        {
            await using var connection = _site.CreateConnection();
            await connection.OpenAsync().ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
            var unit = new WriteUnit(connection, transaction);
            foreach (var pending in batch)
            {
                await transaction.SaveAsync(Savepoint).ConfigureAwait(false);
                if (!await pending.RunAsync(unit).ConfigureAwait(false))
                {
                    // Refused or failed: this unit's writes go, the others' stay. A transaction SQLite
                    // ended by itself (an I/O error) has no savepoint left: the batch fails below.
                    await transaction.RollbackAsync(Savepoint).ConfigureAwait(false);
                }

                await transaction.ReleaseAsync(Savepoint).ConfigureAwait(false);
            }

            await transaction.CommitAsync().ConfigureAwait(false);
            committed = true;
            Interlocked.Increment(ref _commits);
        }
        catch (Exception ex) when (!committed)
        {
            // Nothing of the batch is written: no caller is answered as done.
            foreach (var pending in batch)
            {
                pending.Fail(ex);
            }

            return;
        }
        catch (Exception) when (committed)
        {
            // Closing the connection failed after the COMMIT: the writes stand, the answers go out.
        }

        foreach (var pending in batch)
        {
            pending.Complete();
        }
    }

    private abstract class Pending
    {
        private const int Queued = 0, Started = 1, Dropped = 2;
        private int _state;

        /// <summary>False when the caller was cancelled first: the unit is dropped.</summary>
        public bool TryStart() => Interlocked.CompareExchange(ref _state, Started, Queued) == Queued;

        protected bool TryDrop() => Interlocked.CompareExchange(ref _state, Dropped, Queued) == Queued;

        /// <summary>Runs the unit (never cancelled once started); true when its writes are kept.</summary>
        public abstract Task<bool> RunAsync(WriteUnit unit);

        /// <summary>After the COMMIT: the unit's value or its own exception.</summary>
        public abstract void Complete();

        public abstract void Fail(Exception exception);
    }

    private sealed class Pending<T>(Func<WriteUnit, CancellationToken, Task<WriteResult<T>>> work) : Pending
    {
        private readonly TaskCompletionSource<T> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private CancellationTokenRegistration _cancellation;
        private T? _value;
        private Exception? _exception;

        public Task<T> Answer => _answer.Task;

        public void Watch(CancellationToken cancellationToken)
        {
            if (cancellationToken.CanBeCanceled)
            {
                _cancellation = cancellationToken.Register(() =>
                {
                    if (TryDrop())
                    {
                        _answer.TrySetCanceled(cancellationToken);
                    }
                });
            }
        }

        public override async Task<bool> RunAsync(WriteUnit unit)
        {
            try
            {
                var result = await work(unit, CancellationToken.None).ConfigureAwait(false);
                _value = result.Value;
                return result.Keep;
            }
            catch (Exception ex)
            {
                _exception = ex;
                return false;
            }
        }

        public override void Complete()
        {
            _cancellation.Dispose();
            if (_exception is not null)
            {
                _answer.TrySetException(_exception);
            }
            else
            {
                _answer.TrySetResult(_value!);
            }
        }

        public override void Fail(Exception exception)
        {
            _cancellation.Dispose();
            _answer.TrySetException(exception);
        }
    }
}
