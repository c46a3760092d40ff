using System.Data.Common;
using System.Globalization;
using StoreSite.Charts;

namespace StoreSite.Data;

/// <summary>
/// The days of a dashboard chart (<see cref="StoreDays"/>) passed to hand-written SQL as a table
/// expression with the columns <c>"Day"</c> (0 for the first day), <c>"Start"</c> and <c>"End"</c>, so
/// that a query groups rows by the store's calendar day in the database (<c>JOIN ... ON "At" &gt;=
/// "Start" AND "At" &lt; "End" GROUP BY "Day"</c>) on either provider. On SQLite a JSON array of
/// <c>[start, end]</c> pairs written as EF Core and Microsoft.Data.Sqlite write a <see cref="DateTimeOffset"/>
/// (text, compared as text: every stored moment is UTC, <c>+00:00</c>); on PostgreSQL two
/// <c>timestamptz[]</c> read by <c>unnest ... WITH ORDINALITY</c>.
/// </summary>
public static class StoreDaySet
{
    private const string SqliteSet = """(SELECT CAST("key" AS INTEGER) AS "Day", json_extract("value", '$[0]') AS "Start", json_extract("value", '$[1]') AS "End" FROM json_each(@days))""";
    private const string PostgresSet = """(SELECT CAST(d."N" - 1 AS integer) AS "Day", d."Start", d."End" FROM unnest(CAST(@dayStarts AS timestamptz[]), CAST(@dayEnds AS timestamptz[])) WITH ORDINALITY AS d("Start", "End", "N"))""";

    /// <summary>The text SQLite holds a <see cref="DateTimeOffset"/> as (EF Core's format).</summary>
    private const string SqliteMoment = "yyyy-MM-dd HH:mm:ss.FFFFFFFzzz";

    /// <summary>The table expression on the provider's parameters.</summary>
    public static string Sql(DatabaseProvider provider) => provider == DatabaseProvider.Sqlite ? SqliteSet : PostgresSet;

    /// <summary>Adds <paramref name="days"/> as the parameters <see cref="Sql"/> reads.</summary>
    public static void Add(DbCommand command, DatabaseProvider provider, IReadOnlyList<StoreDay> days)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(days);
        if (provider == DatabaseProvider.Sqlite)
        {
            command.AddParameter("@days", "[" + string.Join(',', days.Select(d => $"[\"{Moment(d.Start)}\",\"{Moment(d.End)}\"]")) + "]");
        }
        else
        {
            command.AddParameter("@dayStarts", days.Select(d => d.Start.ToUniversalTime()).ToArray());
            command.AddParameter("@dayEnds", days.Select(d => d.End.ToUniversalTime()).ToArray());
        }
    }

    private static string Moment(DateTimeOffset at) => at.ToUniversalTime().ToString(SqliteMoment, CultureInfo.InvariantCulture);
}
