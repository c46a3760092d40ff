using System.Data.Common;
using System.Globalization;
using System.Text;

namespace StoreSite.Data;

/// <summary>
/// A multi-row INSERT on the scope's connection, in its transaction: rows are added one by one and
/// written <see cref="MaxRows"/> at a time by one statement, whose command (and its parameters) is
/// built once per row count and reused, so that a bulk import makes a few hundred round trips, not
/// millions. <c>row</c> is one row's <c>VALUES</c> tuple whose per-row parameters end in <c>#</c>
/// (<c>(@key#, @now)</c>); parameters without <c>#</c> are <see cref="Constant"/>s.
/// </summary>
public sealed class BatchInsert(SiteDatabase database, string head, string row, string tail, IReadOnlyList<string> columns, int maxRows) : IAsyncDisposable
{
    private readonly Dictionary<int, DbCommand> _commands = [];
    private readonly Dictionary<string, object> _constants = new(StringComparer.Ordinal);
    private readonly List<object> _values = [];

    public int MaxRows { get; } = maxRows;

    /// <summary>The rows added and not yet written.</summary>
    public int Count => _values.Count / columns.Count;

    public bool IsFull => Count >= MaxRows;

    /// <summary>A parameter with the same value in every row (e.g. <c>@now</c>).</summary>
    public BatchInsert Constant(string name, object value)
    {
        _constants[name] = value;
        return this;
    }

    /// <summary>A row: one value per column, in order (null for SQL NULL).</summary>
    public void Add(params ReadOnlySpan<object?> values)
    {
        if (values.Length != columns.Count)
        {
            throw new ArgumentException($"A row has {columns.Count} values.", nameof(values));
        }

        foreach (var value in values)
        {
            _values.Add(value ?? DBNull.Value);
        }
    }

    /// <summary>Writes the rows added; the number of rows the database reports.</summary>
    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        if (Count == 0)
        {
            return 0;
        }

        var command = Prepare();
        var written = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        _values.Clear();
        return written;
    }

    /// <summary>Writes the rows added and hands each row of the statement's <c>RETURNING</c> to <paramref name="read"/>.</summary>
    public async Task ExecuteReaderAsync(Action<DbDataReader> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (Count == 0)
        {
            return;
        }

        var command = Prepare();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                read(reader);
            }
        }

        _values.Clear();
    }

    private DbCommand Prepare()
    {
        var rows = Count;
        if (!_commands.TryGetValue(rows, out var command))
        {
            var sql = new StringBuilder(head).Append(' ');
            for (var i = 0; i < rows; i++)
            {
                sql.Append(i == 0 ? string.Empty : ", ").Append(row.Replace("#", i.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
            }

            command = database.CreateCommand(sql.Append(' ').Append(tail).ToString());
            foreach (var (name, value) in _constants)
            {
                command.AddParameter(name, value);
            }

            for (var i = 0; i < rows; i++)
            {
                foreach (var column in columns)
                {
                    command.AddParameter(string.Create(CultureInfo.InvariantCulture, $"{column}{i}"), DBNull.Value);
                }
            }

            _commands[rows] = command;
        }

        command.Transaction = database.Transaction;
        var parameters = command.Parameters;
        var offset = _constants.Count;
        for (var i = 0; i < _values.Count; i++)
        {
            parameters[offset + i].Value = _values[i];
        }

        return command;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands.Values)
        {
            await command.DisposeAsync().ConfigureAwait(false);
        }

        _commands.Clear();
    }
}
