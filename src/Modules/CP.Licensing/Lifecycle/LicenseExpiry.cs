using CP.Licensing.Data;
using CP.Licensing.Lifecycle.Records;
using CP.Licensing.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using StoreSite;
using StoreSite.Data;

namespace CP.Licensing.Lifecycle;

/// <summary>
/// Sets a key's expiry (a date, or Lifetime) with its history entry; Verify's <c>expiry</c> and
/// <c>expired</c> follow at once. A date in the past is allowed: the key is Expired from then on.
/// A revoked key's expiry no longer changes.
/// </summary>
public sealed partial class LicenseExpiry(LicensingDbContext db, SiteDatabase database, TimeProvider clock, ILogger<LicenseExpiry> logger)
{
    /// <param name="expiresOn">The last valid day (UTC); null for Lifetime.</param>
    public async Task<Outcome<ExpiryChange>> ChangeAsync(int licenseId, DateOnly? expiresOn, string actor, CancellationToken cancellationToken)
    {
        var who = LicenseSets.Actor(actor);
        await using var transaction = await database.BeginTransactionAsync(cancellationToken);
        var license = await db.Licenses.AsNoTracking()
            .Where(l => l.Id == licenseId)
            .Select(l => new { l.ExpiresOn, Revoked = l.RevokedAt != null })
            .FirstOrDefaultAsync(cancellationToken);
        if (license is null)
        {
            return Outcome.Refused(LicenseProblems.NotFound);
        }

        if (license.Revoked)
        {
            return Outcome.Refused(LicenseProblems.Revoked);
        }

        var change = new ExpiryChange(license.ExpiresOn, expiresOn);
        if (!change.Changed)
        {
            return Outcome<ExpiryChange>.Done(change);
        }

        var updated = await db.Licenses
            .Where(l => l.Id == licenseId && l.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.ExpiresOn, expiresOn), cancellationToken);
        if (updated == 0)
        {
            return Outcome.Refused(LicenseProblems.ChangedMeanwhile);
        }

        db.LicenseEvents.Add(new LicenseEvent
        {
            LicenseId = licenseId,
            At = clock.GetUtcNow(),
            Kind = LicenseEventKind.ExpiryChanged,
            Actor = who,
            Detail = $"Expiry changed from {Words(change.Old)} to {Words(change.New)}.",
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogExpiryChanged(logger, licenseId, Words(change.Old), Words(change.New), who);
        return Outcome<ExpiryChange>.Done(change);
    }

    // The history entry's words (stored with the event).
    private static string Words(DateOnly? expiresOn) =>
        expiresOn is { } date ? date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "Lifetime";

    [LoggerMessage(Level = LogLevel.Information, Message = "License {LicenseId}: expiry changed from {Old} to {New} by {Actor}")]
    private static partial void LogExpiryChanged(ILogger logger, int licenseId, string old, string @new, string actor);
}
