using System.Data.Common;

namespace StoreSite.Data;

/// <summary>
/// Where one write unit of <see cref="SqliteGroupCommit"/> runs its statements: on SQLite the batch's
/// connection inside the unit's savepoint (it sees the writes of the units before it in the batch),
/// on PostgreSQL the caller's <see cref="SiteDatabase"/> (its transaction, if any). A unit reads and
/// writes only through the commands made here.
/// </summary>
public sealed class WriteUnit
{
    private readonly SiteDatabase? _database;
    private readonly DbConnection? _connection;
    private readonly DbTransaction? _transaction;

    internal WriteUnit(SiteDatabase database) => _database = database;

    internal WriteUnit(DbConnection connection, DbTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    /// <summary>A command on the unit's connection, inside its transaction if any.</summary>
    public DbCommand CreateCommand(string sql)
    {
        if (_database is not null)
        {
            return _database.CreateCommand(sql);
        }

        var command = _connection!.CreateCommand();
        command.CommandText = sql;
        command.Transaction = _transaction;
        return command;
    }
}
