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
    private const string PostgresMatch = "\"Id\" = ANY(CAST({0} AS integer[]))";

    /// <summary>The set as a table expression on <paramref name="parameter"/> (e.g. <c>@ids</c>).</summary>
    public static string Sql(DatabaseProvider provider, string parameter) =>
        string.Format(CultureInfo.InvariantCulture, provider == DatabaseProvider.Sqlite ? SqliteSet : PostgresSet, parameter);

    /// <summary>A <see cref="LicenseSql"/> statement whose <c>{0}</c> is the set on <paramref name="parameter"/>.</summary>
    public static string Statement(string statement, DatabaseProvider provider, string parameter) =>
        string.Format(CultureInfo.InvariantCulture, statement, Sql(provider, parameter));

    /// <summary>
    /// A <see cref="LicenseSql"/> statement whose <c>{0}</c> is the condition "<c>"Id"</c> is in the set
    /// on <paramref name="parameter"/>". On PostgreSQL that is <c>= ANY</c> of the array: index lookups,
    /// or one scan against the hashed array, whatever the planner's statistics say. Written as
    /// <c>IN</c> a set expression, just after an import (no statistics yet) PostgreSQL estimated one
    /// matching row, scanned the table and compared every row with the whole set (5 s for 10,000 keys
    /// in bench/bulk, 0.8 s with <c>= ANY</c>).
    /// </summary>
    public static string Filtered(string statement, DatabaseProvider provider, string parameter) =>
        string.Format(CultureInfo.InvariantCulture, statement, provider == DatabaseProvider.Sqlite
            ? "\"Id\" IN " + Sql(provider, parameter)
            : string.Format(CultureInfo.InvariantCulture, PostgresMatch, parameter));

    /// <summary>Adds <paramref name="ids"/> as the parameter <paramref name="name"/> in the provider's shape.</summary>
    public static void Add(DbCommand command, DatabaseProvider provider, string name, IReadOnlyCollection<int> ids)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(ids);
        command.AddParameter(name, provider == DatabaseProvider.Sqlite ? "[" + string.Join(',', ids) + "]" : ids.ToArray());
    }
}
