using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace StoreSite.Data;

/// <summary>
/// The unit of work of one request or job (scoped): one connection shared by every module's
/// DbContext in the scope, so that a change in CP.Commerce and a reaction in CP.Licensing commit in
/// one transaction. Contexts enlist themselves when created; a transaction begun here is used by all
/// of them. A nested <see cref="BeginTransactionAsync"/> joins the outer transaction.
/// </summary>
public sealed class SiteDatabase(SiteConnection site) : IAsyncDisposable, IDisposable
{
    private readonly List<DbContext> _contexts = [];
    private DbConnection? _connection;

    public DatabaseProvider Provider => site.Provider;

    /// <summary>The scope's connection (opened by whoever uses it first).</summary>
    public DbConnection Connection => _connection ??= site.CreateConnection();

    /// <summary>The transaction in progress, if any.</summary>
    public DbTransaction? Transaction { get; private set; }

    /// <summary>Called by every module DbContext's constructor.</summary>
    public void Enlist(DbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _contexts.Add(context);
        if (Transaction is not null)
        {
            context.Database.UseTransaction(Transaction);
        }
    }

    /// <summary>
    /// Begins a transaction every enlisted context joins (on SQLite <c>BEGIN IMMEDIATE</c>, so a
    /// writer never has to upgrade a read lock). Inside another transaction it joins that one: only
    /// the outermost owner commits.
    /// </summary>
    public async Task<SiteTransaction> BeginTransactionAsync(CancellationToken cancellationToken = default)
    {
        if (Transaction is not null)
        {
            return new SiteTransaction(this, owner: false);
        }

        if (Connection.State != System.Data.ConnectionState.Open)
        {
            await Connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        }

        Transaction = await Connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var context in _contexts)
        {
            context.Database.UseTransaction(Transaction);
        }

        return new SiteTransaction(this, owner: true);
    }

    /// <summary>Opens the connection if needed (for hand-written SQL).</summary>
    public async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        if (Connection.State != System.Data.ConnectionState.Open)
        {
            await Connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        }

        return Connection;
    }

    /// <summary>A command on the scope's connection, inside the current transaction if any.</summary>
    public DbCommand CreateCommand(string sql)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = Transaction;
        return command;
    }

    internal async Task EndAsync(bool commit, CancellationToken cancellationToken)
    {
        var transaction = Transaction;
        if (transaction is null)
        {
            return;
        }

        try
        {
            if (commit)
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
        finally
        {
            Transaction = null;
            foreach (var context in _contexts)
            {
                context.Database.UseTransaction(null);
                if (!commit)
                {
                    // What was tracked belongs to a rolled-back transaction.
                    context.ChangeTracker.Clear();
                }
            }

            await transaction.DisposeAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Transaction is not null)
        {
            await EndAsync(commit: false, CancellationToken.None).ConfigureAwait(false);
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Synchronous disposal for scopes disposed synchronously (e.g. Data Protection's key reads).</summary>
    public void Dispose()
    {
        if (Transaction is not null)
        {
            Transaction.Rollback();
            Transaction.Dispose();
            Transaction = null;
        }

        _connection?.Dispose();
    }
}
