namespace StoreSite.Data;

/// <summary>
/// A transaction on the scope's <see cref="SiteDatabase"/>. Dispose without <see cref="CommitAsync"/>
/// rolls back. A joined (nested) transaction neither commits nor rolls back by itself: its owner does.
/// </summary>
public sealed class SiteTransaction : IAsyncDisposable
{
    private readonly SiteDatabase _database;
    private bool _completed;

    internal SiteTransaction(SiteDatabase database, bool owner)
    {
        _database = database;
        IsOwner = owner;
    }

    /// <summary>False when this call joined a transaction begun further up.</summary>
    public bool IsOwner { get; }

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        _completed = true;
        if (IsOwner)
        {
            await _database.EndAsync(commit: true, cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_completed && IsOwner)
        {
            await _database.EndAsync(commit: false, CancellationToken.None).ConfigureAwait(false);
        }
    }
}
