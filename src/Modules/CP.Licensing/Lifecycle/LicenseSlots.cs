using System.Globalization;
using CP.Licensing.Data;
using CP.Licensing.Lifecycle.Records;
using CP.Licensing.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using StoreSite;
using StoreSite.Data;

namespace CP.Licensing.Lifecycle;

/// <summary>
/// What an admin does for a customer at the limit: free a slot (remove one environment from the
/// allow-list) or change Max Activations. Each change commits with its history entry, and the
/// database keeps Activations Used equal to the environments and within Max Activations (the
/// CHECK constraint and conditional UPDATEs). Neither change applies to a revoked key.
/// </summary>
public sealed partial class LicenseSlots(
    LicensingDbContext db,
    SiteDatabase database,
    SqliteWriteGate writeGate,
    TimeProvider clock,
    ILogger<LicenseSlots> logger)
{
    /// <summary>
    /// Removes environment <paramref name="environmentId"/> from the license's allow-list; Activations
    /// Used drops by one, unless it was a development environment (which used no slot).
    /// </summary>
    /// <returns>The removed environment.</returns>
    public async Task<Outcome<FreedEnvironment>> FreeSlotAsync(int licenseId, int environmentId, string actor, CancellationToken cancellationToken)
    {
        var who = LicenseSets.Actor(actor);
        using var turn = await writeGate.EnterAsync(database, cancellationToken);
        await using var transaction = await database.BeginTransactionAsync(cancellationToken);
        await using (var giveBack = database.CreateCommand(LicenseSql.GiveBackSlot))
        {
            giveBack.AddParameter("@id", licenseId);
            giveBack.AddParameter("@environment", environmentId);
            if (await giveBack.ExecuteScalarAsync(cancellationToken) is null or DBNull)
            {
                return await RefusalAsync(licenseId, LicenseProblems.EnvironmentGone, cancellationToken);
            }
        }

        string environment;
        bool development;
        await using (var remove = database.CreateCommand(LicenseSql.RemoveEnvironment))
        {
            remove.AddParameter("@id", licenseId);
            remove.AddParameter("@environment", environmentId);
            await using var reader = await remove.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                // Removed meanwhile by another admin: disposing without commit gives the count back.
                return Outcome.Refused(LicenseProblems.EnvironmentGone);
            }

            environment = $"{reader.GetString(0)} ({reader.GetString(1)})";
            development = reader.GetBoolean(2);
        }

        var detail = development
            ? $"Removed development environment {environment} from the allow-list; it used no slot."
            : $"Removed environment {environment} from the allow-list; its slot is free.";
        await AddEventAsync(licenseId, LicenseEventKind.SlotFreed, who, detail, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogSlotFreed(logger, licenseId, environment, who);
        return Outcome<FreedEnvironment>.Done(new FreedEnvironment(environment, development));
    }

    /// <summary>Sets Max Activations (0 is unlimited); refused below Activations Used, with how many environments to remove first.</summary>
    public async Task<Outcome<MaxActivationsChange>> ChangeMaxActivationsAsync(int licenseId, int maxActivations, string actor, CancellationToken cancellationToken)
    {
        var who = LicenseSets.Actor(actor);
        if (maxActivations is < 0 or > LicensingLimits.MaxActivations)
        {
            return Outcome.Refused(LicenseProblems.MaxActivationsOutOfRange, nameof(License.MaxActivations));
        }

        using var turn = await writeGate.EnterAsync(database, cancellationToken);
        await using var transaction = await database.BeginTransactionAsync(cancellationToken);
        var license = await db.Licenses.AsNoTracking()
            .Where(l => l.Id == licenseId)
            .Select(l => new { l.MaxActivations, l.ActivationsUsed, Revoked = l.RevokedAt != null })
            .FirstOrDefaultAsync(cancellationToken);
        if (license is null)
        {
            return Outcome.Refused(LicenseProblems.NotFound);
        }

        if (license.Revoked)
        {
            return Outcome.Refused(LicenseProblems.Revoked);
        }

        if (license.MaxActivations == maxActivations)
        {
            return Outcome<MaxActivationsChange>.Done(new MaxActivationsChange(maxActivations, maxActivations));
        }

        if (maxActivations != 0 && license.ActivationsUsed > maxActivations)
        {
            return Outcome.Refused(LicenseProblems.BelowActivationsUsed, nameof(License.MaxActivations));
        }

        await using (var change = database.CreateCommand(LicenseSql.ChangeMax))
        {
            change.AddParameter("@id", licenseId);
            change.AddParameter("@max", maxActivations);
            change.AddParameter("@old", license.MaxActivations);
            if (await change.ExecuteScalarAsync(cancellationToken) is null or DBNull)
            {
                // Another node changed the key between the read and the update (PostgreSQL).
                return Outcome.Refused(LicenseProblems.ChangedMeanwhile, nameof(License.MaxActivations));
            }
        }

        var detail = $"Max Activations changed from {LimitText(license.MaxActivations)} to {LimitText(maxActivations)}.";
        await AddEventAsync(licenseId, LicenseEventKind.MaxActivationsChanged, who, detail, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogMaxChanged(logger, licenseId, license.MaxActivations, maxActivations, who);
        return Outcome<MaxActivationsChange>.Done(new MaxActivationsChange(license.MaxActivations, maxActivations));
    }

    // The history entry's words (stored with the event): the number, or "unlimited" for 0.
    private static string LimitText(int maxActivations) =>
        maxActivations == 0 ? "unlimited" : maxActivations.ToString(CultureInfo.InvariantCulture);

    private async Task<Outcome> RefusalAsync(int licenseId, string otherwise, CancellationToken cancellationToken)
    {
        var revoked = await db.Licenses.AsNoTracking().Where(l => l.Id == licenseId).Select(l => (bool?)(l.RevokedAt != null)).FirstOrDefaultAsync(cancellationToken);
        return revoked switch
        {
            null => Outcome.Refused(LicenseProblems.NotFound),
            true => Outcome.Refused(LicenseProblems.Revoked),
            false => Outcome.Refused(otherwise),
        };
    }

    private async Task AddEventAsync(int licenseId, LicenseEventKind kind, string actor, string detail, CancellationToken cancellationToken)
    {
        db.LicenseEvents.Add(new LicenseEvent { LicenseId = licenseId, At = clock.GetUtcNow(), Kind = kind, Actor = actor, Detail = detail });
        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "License {LicenseId}: environment {Environment} removed from the allow-list by {Actor}")]
    private static partial void LogSlotFreed(ILogger logger, int licenseId, string environment, string actor);

    [LoggerMessage(Level = LogLevel.Information, Message = "License {LicenseId}: Max Activations changed from {Old} to {New} by {Actor}")]
    private static partial void LogMaxChanged(ILogger logger, int licenseId, int old, int @new, string actor);
}
