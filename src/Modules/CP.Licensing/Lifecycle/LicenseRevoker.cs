using CP.Licensing.Data;
using CP.Licensing.Lifecycle.Records;
using CP.Licensing.Models;
using Microsoft.Extensions.Logging;
using StoreSite;
using StoreSite.Data;

namespace CP.Licensing.Lifecycle;

/// <summary>
/// Revokes keys, with who and why, in the caller's transaction when there is one (a refund and the
/// revocation of its keys commit together). Revocation is permanent: nothing un-revokes.
/// </summary>
public sealed partial class LicenseRevoker(LicensingDbContext db, SiteDatabase database, TimeProvider clock, ILogger<LicenseRevoker> logger)
{
    /// <summary>Revokes one license by hand; <paramref name="reason"/> and <paramref name="actor"/> are required.</summary>
    public async Task<Outcome> RevokeAsync(int licenseId, string reason, string actor, CancellationToken cancellationToken)
    {
        var (cleanReason, cleanActor) = Require(reason, actor);
        await using var transaction = await database.BeginTransactionAsync(cancellationToken);
        var revoked = await RevokeWhereAsync(LicenseSql.RevokeById, "@id", licenseId, cleanReason, cleanActor, cancellationToken);
        if (revoked.Count == 0)
        {
            return await db.Licenses.FindAsync([licenseId], cancellationToken) is null
                ? Outcome.Refused(LicenseProblems.NotFound)
                : Outcome.Refused(LicenseProblems.AlreadyRevoked);
        }

        await transaction.CommitAsync(cancellationToken);
        LogRevoked(logger, licenseId, cleanActor, cleanReason);
        return Outcome.Done;
    }

    /// <summary>Revokes every key of an order that is not revoked yet; returns how many.</summary>
    public async Task<int> RevokeOrderAsync(string orderNumber, string reason, string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderNumber);
        var (cleanReason, cleanActor) = Require(reason, actor);
        await using var transaction = await database.BeginTransactionAsync(cancellationToken);
        var revoked = await RevokeWhereAsync(LicenseSql.RevokeByOrder, "@order", orderNumber, cleanReason, cleanActor, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (revoked.Count > 0)
        {
            LogOrderRevoked(logger, revoked.Count, orderNumber, cleanReason);
        }

        return revoked.Count;
    }

    /// <summary>
    /// Revokes every key of <paramref name="licenseIds"/> that is not revoked yet (the admin's bulk
    /// Revoke): one statement for the keys and one for their history entries, one transaction.
    /// </summary>
    public async Task<LicenseSetResult> RevokeAsync(IReadOnlyCollection<int> licenseIds, string reason, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(licenseIds);
        var (cleanReason, cleanActor) = Require(reason, actor);
        await using var transaction = await database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var revoked = await LicenseSets.ChangeAsync(database, LicenseSql.RevokeIds, licenseIds, [("@now", now), ("@actor", cleanActor), ("@reason", cleanReason)], cancellationToken);
        await LicenseSets.AddEventsAsync(database, revoked, LicenseEventKind.Revoked, cleanActor, cleanReason, now, cancellationToken);
        var skipped = await LicenseSets.SkippedAsync(db, licenseIds, revoked, LicenseProblems.AlreadyRevoked, LicenseProblems.AlreadyRevoked, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogManyRevoked(logger, revoked.Count, cleanActor, cleanReason);
        return new LicenseSetResult(revoked, skipped);
    }

    private async Task<List<int>> RevokeWhereAsync(string sql, string name, object value, string reason, string actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var ids = new List<int>();
        await using (var command = database.CreateCommand(sql))
        {
            command.AddParameter(name, value);
            command.AddParameter("@now", now);
            command.AddParameter("@actor", actor);
            command.AddParameter("@reason", reason);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetInt32(0));
            }
        }

        await LicenseSets.AddEventsAsync(database, ids, LicenseEventKind.Revoked, actor, reason, now, cancellationToken);
        return ids;
    }

    private static (string Reason, string Actor) Require(string reason, string actor)
    {
        var cleanReason = reason?.Trim();
        if (string.IsNullOrEmpty(cleanReason))
        {
            throw new ArgumentException("A reason is required to revoke a license.", nameof(reason));
        }

        if (cleanReason.Length > LicenseConfiguration.ReasonMaxLength)
        {
            throw new ArgumentException($"The reason must be at most {LicenseConfiguration.ReasonMaxLength} characters.", nameof(reason));
        }

        var cleanActor = actor?.Trim();
        if (string.IsNullOrEmpty(cleanActor))
        {
            throw new ArgumentException("Who revokes the license is required.", nameof(actor));
        }

        return (cleanReason, cleanActor.Length > LicenseConfiguration.EmailMaxLength ? cleanActor[..LicenseConfiguration.EmailMaxLength] : cleanActor);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "License {LicenseId} revoked by {Actor}: {Reason}")]
    private static partial void LogRevoked(ILogger logger, int licenseId, string actor, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Revoked {Count} license keys by {Actor}: {Reason}")]
    private static partial void LogManyRevoked(ILogger logger, int count, string actor, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Revoked {Count} license keys of order {OrderNumber}: {Reason}")]
    private static partial void LogOrderRevoked(ILogger logger, int count, string orderNumber, string reason);
}
