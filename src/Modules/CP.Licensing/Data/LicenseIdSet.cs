using System.Data.Common;
using System.Globalization;
using StoreSite.Data;

namespace CP.Licensing.Data;

/// <summary>
/// A set of license ids passed to hand-written SQL as one parameter, whatever its size (a bulk
/// action over 10,000 keys is one statement, not 10,000): a JSON array read by <c>json_each</c> on
/// SQLite, an <c>integer[]</c> read by <c>unnest</c> on PostgreSQL. The SQL is a table expression
/// with one column, <c>"Id"</c>.
/// </summary>
public static class LicenseIdSet
{
    private const string SqliteSet = """(SELECT CAST(value AS INTEGER) AS "Id" FROM json_each({0}))""";
    private const string PostgresSet = """(SELECT unnest(CAST({0} AS integer[])) AS "Id")""";

    /// <summary>The set as a table expression on <paramref name="parameter"/> (e.g. <c>@ids</c>).</summary>
    public static string Sql(DatabaseProvider provider, string parameter) =>
        string.Format(CultureInfo.InvariantCulture, provider == DatabaseProvider.Sqlite ? SqliteSet : PostgresSet, parameter);

    /// <summary>A <see cref="LicenseSql"/> statement whose <c>{0}</c> is the set on <paramref name="parameter"/>.</summary>
    public static string Statement(string statement, DatabaseProvider provider, string parameter) =>
        string.Format(CultureInfo.InvariantCulture, statement, Sql(provider, parameter));

    /// <summary>Adds <paramref name="ids"/> as the parameter <paramref name="name"/> in the provider's shape.</summary>
    public static void Add(DbCommand command, DatabaseProvider provider, string name, IReadOnlyCollection<int> ids)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(ids);
        command.AddParameter(name, provider == DatabaseProvider.Sqlite ? "[" + string.Join(',', ids) + "]" : ids.ToArray());
    }
}
