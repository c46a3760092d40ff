using CP.Licensing.Data;
using CP.Licensing.Lifecycle.Records;
using CP.Licensing.Models;
using Microsoft.Extensions.Logging;
using StoreSite;
using StoreSite.Data;

namespace CP.Licensing.Lifecycle;

/// <summary>
/// Suspends keys (a reason is required; Verify answers <c>suspended</c>) and reinstates them (back
/// to what their dates say). One key or many, each call is one transaction with one statement for
/// the keys and one for their history entries. A revoked key is neither suspended nor reinstated.
/// </summary>
public sealed partial class LicenseSuspensions(LicensingDbContext db, SiteDatabase database, TimeProvider clock, ILogger<LicenseSuspensions> logger)
{
    /// <summary>Suspends the key <paramref name="licenseId"/>.</summary>
    public async Task<Outcome> SuspendAsync(int licenseId, string? reason, string actor, CancellationToken cancellationToken) =>
        One(await SuspendAsync([licenseId], reason, actor, cancellationToken));

    /// <summary>Reinstates the key <paramref name="licenseId"/>.</summary>
    public async Task<Outcome> ReinstateAsync(int licenseId, string actor, CancellationToken cancellationToken) =>
        One(await ReinstateAsync([licenseId], actor, cancellationToken));

    /// <summary>Suspends every key of <paramref name="licenseIds"/> that is neither revoked nor suspended; says why the others were skipped.</summary>
    public async Task<Outcome<LicenseSetResult>> SuspendAsync(IReadOnlyCollection<int> licenseIds, string? reason, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(licenseIds);
        var clean = LicenseSets.Reason(reason);
        if (!clean.Succeeded)
        {
            return clean.WithoutValue();
        }

        var who = LicenseSets.Actor(actor);
        var now = clock.GetUtcNow();
        await using var transaction = await database.BeginTransactionAsync(cancellationToken);
        var done = await LicenseSets.ChangeAsync(database, LicenseSql.SuspendIds, licenseIds, [("@now", now), ("@actor", who), ("@reason", clean.Value!)], cancellationToken);
        await LicenseSets.AddEventsAsync(database, done, LicenseEventKind.Suspended, who, clean.Value!, now, cancellationToken);
        var skipped = await LicenseSets.SkippedAsync(db, licenseIds, done, LicenseProblems.Revoked, LicenseProblems.AlreadySuspended, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogSuspended(logger, done.Count, who, clean.Value!);
        return Outcome<LicenseSetResult>.Done(new LicenseSetResult(done, skipped));
    }

    /// <summary>Reinstates every suspended key of <paramref name="licenseIds"/> that is not revoked; says why the others were skipped.</summary>
    public async Task<Outcome<LicenseSetResult>> ReinstateAsync(IReadOnlyCollection<int> licenseIds, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(licenseIds);
        var who = LicenseSets.Actor(actor);
        var now = clock.GetUtcNow();
        await using var transaction = await database.BeginTransactionAsync(cancellationToken);
        var done = await LicenseSets.ChangeAsync(database, LicenseSql.ReinstateIds, licenseIds, [], cancellationToken);
        await LicenseSets.AddEventsAsync(database, done, LicenseEventKind.Reinstated, who, "Reinstated: the key runs again as its dates say.", now, cancellationToken);
        var skipped = await LicenseSets.SkippedAsync(db, licenseIds, done, LicenseProblems.Revoked, LicenseProblems.NotSuspended, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogReinstated(logger, done.Count, who);
        return Outcome<LicenseSetResult>.Done(new LicenseSetResult(done, skipped));
    }

    private static Outcome One(Outcome<LicenseSetResult> result) => result switch
    {
        { Succeeded: false } => result.WithoutValue(),
        { Value.Skipped: [var skip, ..] } => Outcome.Refused(skip.Problem),
        _ => Outcome.Done,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Suspended {Count} license keys by {Actor}: {Reason}")]
    private static partial void LogSuspended(ILogger logger, int count, string actor, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reinstated {Count} license keys by {Actor}")]
    private static partial void LogReinstated(ILogger logger, int count, string actor);
}
