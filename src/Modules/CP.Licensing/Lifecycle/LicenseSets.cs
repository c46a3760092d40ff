using CP.Licensing.Data;
using CP.Licensing.Lifecycle.Records;
using CP.Licensing.Models;
using Microsoft.EntityFrameworkCore;
using StoreSite;
using StoreSite.Data;

namespace CP.Licensing.Lifecycle;

/// <summary>
/// The pieces every change of a set of keys shares (revoke, suspend, reinstate; one key is a set
/// of one): run the set statement, write one history entry per changed key in one statement, say
/// why the others were skipped, and the rules for a reason and for who acted.
/// </summary>
internal static class LicenseSets
{
    /// <summary>Runs <paramref name="statement"/> (a <see cref="LicenseSql"/> set statement) on <paramref name="ids"/>; returns the ids it changed.</summary>
    public static async Task<List<int>> ChangeAsync(SiteDatabase database, string statement, IReadOnlyCollection<int> ids, IReadOnlyList<(string Name, object Value)> parameters, CancellationToken cancellationToken)
    {
        var changed = new List<int>(ids.Count);
        if (ids.Count == 0)
        {
            return changed;
        }

        await using var command = database.CreateCommand(LicenseIdSet.Filtered(statement, database.Provider, "@ids"));
        LicenseIdSet.Add(command, database.Provider, "@ids", ids);
        foreach (var (name, value) in parameters)
        {
            command.AddParameter(name, value);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            changed.Add(reader.GetInt32(0));
        }

        return changed;
    }

    /// <summary>One history entry for each of <paramref name="ids"/>, all with the same when, who and words.</summary>
    public static async Task AddEventsAsync(SiteDatabase database, IReadOnlyCollection<int> ids, LicenseEventKind kind, string actor, string detail, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return;
        }

        await using var command = database.CreateCommand(LicenseIdSet.Statement(LicenseSql.InsertEvents, database.Provider, "@ids"));
        LicenseIdSet.Add(command, database.Provider, "@ids", ids);
        command.AddParameter("@now", at);
        command.AddParameter("@kind", (int)kind);
        command.AddParameter("@actor", actor);
        command.AddParameter("@detail", detail);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Why each of <paramref name="requested"/> not in <paramref name="done"/> was skipped: no such
    /// license, revoked (<paramref name="whenRevoked"/>), or else <paramref name="otherwise"/>.
    /// </summary>
    public static async Task<List<LicenseSkip>> SkippedAsync(LicensingDbContext db, IReadOnlyCollection<int> requested, IReadOnlyCollection<int> done, string whenRevoked, string otherwise, CancellationToken cancellationToken)
    {
        var doneSet = done.ToHashSet();
        var skipped = requested.Where(id => !doneSet.Contains(id)).ToList();
        if (skipped.Count == 0)
        {
            return [];
        }

        var found = await db.Licenses.AsNoTracking()
            .Where(l => skipped.Contains(l.Id))
            .Select(l => new { l.Id, l.Key, Revoked = l.RevokedAt != null })
            .ToDictionaryAsync(l => l.Id, cancellationToken);
        return skipped.ConvertAll(id => found.TryGetValue(id, out var license)
            ? new LicenseSkip(id, license.Key, license.Revoked ? whenRevoked : otherwise)
            : new LicenseSkip(id, null, LicenseProblems.NotFound));
    }

    /// <summary>The reason trimmed, or why it cannot be used (empty, longer than <see cref="LicenseConfiguration.ReasonMaxLength"/>).</summary>
    public static Outcome<string> Reason(string? reason)
    {
        var clean = reason?.Trim();
        return string.IsNullOrEmpty(clean) ? Outcome.Refused(LicenseProblems.ReasonRequired, "Reason")
            : clean.Length > LicenseConfiguration.ReasonMaxLength ? Outcome.Refused(LicenseProblems.ReasonTooLong, "Reason")
            : Outcome<string>.Done(clean);
    }

    /// <summary>Who acted, trimmed to what the history keeps.</summary>
    public static string Actor(string actor)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var trimmed = actor.Trim();
        return trimmed.Length > LicenseConfiguration.EmailMaxLength ? trimmed[..LicenseConfiguration.EmailMaxLength] : trimmed;
    }
}
