using System.Globalization;
using CP.Commerce.Renewals;
using CP.Licensing.Data;
using CP.Licensing.Keys;
using CP.Licensing.Lifecycle.Mail;
using CP.Licensing.Models;
using CP.Licensing.Settings;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using StoreSite.Data;
using StoreSite.Mail;
using StoreSite.Settings;

namespace CP.Licensing.Lifecycle;

/// <summary>
/// Mails renewal reminders: for each key with an expiry that is neither revoked
/// nor suspended, of a plan that sells renewals, of a customer who did not switch reminders off, the
/// reminder of the offset due today (<see cref="DueOffset"/>) goes out once per key, expiry and offset.
/// The database decides who sends: a <see cref="RenewalReminder"/> row is taken (an INSERT that does
/// nothing when the row exists) before the mail goes out, and given back when the mail fails, so two
/// nodes never send one twice and a failed mail is tried again on a later run. A process that dies
/// between taking the row and sending loses that one reminder (at most once, never twice).
/// </summary>
public sealed partial class RenewalReminders(
    LicensingDbContext db,
    SiteDatabase database,
    SqliteWriteGate writeGate,
    LicensingSettingsStore licensingSettings,
    ReminderPreferences preferences,
    RenewalLinks renewalLinks,
    IEmailSender sender,
    IMailRenderer renderer,
    ISiteSettingsStore settings,
    IPublicSiteAddress publicAddress,
    LinkGenerator links,
    TimeProvider clock,
    ILogger<RenewalReminders> logger)
{
    /// <summary>How many days late a reminder may still go out (the worker was stopped, the key was issued close to its expiry).</summary>
    public const int GraceDays = 7;

    private const int BatchSize = 200;

    /// <summary>
    /// The offset whose reminder is due on <paramref name="today"/> for a key expiring on
    /// <paramref name="expiresOn"/>: of the offsets whose day (expiry minus offset) has come, at most
    /// <see cref="GraceDays"/> ago, the latest one, so a late run sends one reminder, never a burst of
    /// stale ones. Null when none is due.
    /// </summary>
    public static int? DueOffset(DateOnly expiresOn, DateOnly today, IReadOnlyList<int> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        int? due = null;
        foreach (var offset in days)
        {
            var late = today.DayNumber - expiresOn.AddDays(-offset).DayNumber;
            if (late is >= 0 and <= GraceDays && (due is null || offset < due))
            {
                due = offset;
            }
        }

        return due;
    }

    /// <summary>One run over the keys due a reminder today (UTC); returns how many reminders it sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var days = (await licensingSettings.GetAsync(cancellationToken)).ReminderDays;
        if (days.Count == 0)
        {
            return 0;
        }

        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var from = today.AddDays(days.Min() - GraceDays);
        var until = today.AddDays(days.Max());
        var renewable = RenewalOffers.RenewablePlanIds(db);
        var optedOut = db.ReminderOptOuts.Select(o => o.CustomerId);
        var sent = 0;
        var after = 0;
        while (true)
        {
            var batch = await db.Licenses.AsNoTracking()
                .Where(l => l.Id > after && l.RevokedAt == null && l.SuspendedAt == null
                    && l.ExpiresOn != null && l.ExpiresOn >= from && l.ExpiresOn <= until
                    && l.PlanId != null && renewable.Contains(l.PlanId.Value)
                    && !optedOut.Contains(l.CustomerId))
                .OrderBy(l => l.Id)
                .Take(BatchSize)
                .Select(l => new Due(l.Id, l.Key, l.CustomerId, l.CustomerEmail, l.ProductName, l.ExpiresOn!.Value))
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return sent;
            }

            after = batch[^1].LicenseId;
            var ids = batch.Select(b => b.LicenseId).ToList();
            var taken = (await db.RenewalReminders.AsNoTracking().Where(r => ids.Contains(r.LicenseId))
                .Select(r => new { r.LicenseId, r.ExpiresOn, r.OffsetDays }).ToListAsync(cancellationToken))
                .Select(r => (r.LicenseId, r.ExpiresOn, r.OffsetDays)).ToHashSet();
            foreach (var key in batch)
            {
                if (DueOffset(key.ExpiresOn, today, days) is { } offset
                    && !taken.Contains((key.LicenseId, key.ExpiresOn, offset))
                    && await TakeAsync(key, offset, now, cancellationToken)
                    && await SendAsync(key, today, offset, cancellationToken))
                {
                    sent++;
                }
            }
        }
    }

    private async Task<bool> TakeAsync(Due key, int offset, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using (await writeGate.EnterAsync(database, cancellationToken))
        {
            await database.OpenConnectionAsync(cancellationToken);
            await using var take = database.CreateCommand(LicenseSql.TakeReminder);
            take.AddParameter("@id", key.LicenseId);
            take.AddParameter("@expires", key.ExpiresOn);
            take.AddParameter("@offset", offset);
            take.AddParameter("@now", now);
            return await take.ExecuteNonQueryAsync(cancellationToken) == 1;
        }
    }

    private async Task<bool> SendAsync(Due key, DateOnly today, int offset, CancellationToken cancellationToken)
    {
        var masked = LicenseKeys.Mask(key.Key);
        try
        {
            var site = await settings.GetAsync<SiteSettings>(SiteSettings.Section, cancellationToken);
            var address = await publicAddress.GetAsync(cancellationToken);
            var renewPath = links.GetPathByRouteValues(RenewalRouteNames.RenewLink, new RouteValueDictionary { ["id"] = key.LicenseId, ["token"] = renewalLinks.Token(key.LicenseId) })
                ?? throw new InvalidOperationException($"The route {RenewalRouteNames.RenewLink} is not mapped.");
            var optOutPath = links.GetPathByRouteValues(LicensingRoutes.ReminderOptOut, new RouteValueDictionary { ["token"] = preferences.Token(key.CustomerId) })
                ?? throw new InvalidOperationException($"The route {LicensingRoutes.ReminderOptOut} is not mapped.");
            var when = When(key.ExpiresOn, today);
            var parameters = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                [nameof(RenewalReminderHtml.MaskedKey)] = masked,
                [nameof(RenewalReminderHtml.ProductName)] = key.ProductName,
                [nameof(RenewalReminderHtml.SiteName)] = site.SiteName,
                [nameof(RenewalReminderHtml.When)] = when,
                [nameof(RenewalReminderHtml.Expired)] = key.ExpiresOn < today,
                [nameof(RenewalReminderHtml.RenewLink)] = address.Link(renewPath),
                [nameof(RenewalReminderHtml.OptOutLink)] = address.Link(optOutPath),
            };
            await sender.SendAsync(
                new EmailMessage(
                    key.Email,
                    key.ExpiresOn < today ? $"Your license for {key.ProductName} has expired" : $"Your license for {key.ProductName} {when}",
                    await renderer.RenderTextAsync<RenewalReminderText>(parameters),
                    await renderer.RenderHtmlAsync<RenewalReminderHtml>(parameters)),
                cancellationToken);
            LogSent(logger, masked, offset);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, ex, masked, offset);
            using (await writeGate.EnterAsync(database, CancellationToken.None))
            {
                await database.OpenConnectionAsync(CancellationToken.None);
                await using var giveBack = database.CreateCommand(LicenseSql.ReturnReminder);
                giveBack.AddParameter("@id", key.LicenseId);
                giveBack.AddParameter("@expires", key.ExpiresOn);
                giveBack.AddParameter("@offset", offset);
                await giveBack.ExecuteNonQueryAsync(CancellationToken.None);
            }

            return false;
        }
    }

    /// <summary>When the key expires or expired, in words: "expires in 7 days, on 2027-01-09", "expires today (2027-01-09)", "expired 3 days ago, on 2027-01-09".</summary>
    public static string When(DateOnly expiresOn, DateOnly today)
    {
        var date = expiresOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var days = expiresOn.DayNumber - today.DayNumber;
        return days switch
        {
            0 => $"expires today ({date})",
            1 => $"expires tomorrow ({date})",
            > 1 => string.Create(CultureInfo.InvariantCulture, $"expires in {days} days, on {date}"),
            -1 => $"expired yesterday ({date})",
            _ => string.Create(CultureInfo.InvariantCulture, $"expired {-days} days ago, on {date}"),
        };
    }

    private sealed record Due(int LicenseId, string Key, string CustomerId, string Email, string ProductName, DateOnly ExpiresOn);

    [LoggerMessage(Level = LogLevel.Information, Message = "License {Key}: the renewal reminder for {OffsetDays} days was sent")]
    private static partial void LogSent(ILogger logger, string key, int offsetDays);

    [LoggerMessage(Level = LogLevel.Error, Message = "License {Key}: the renewal reminder for {OffsetDays} days could not be sent; a later run tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception, string key, int offsetDays);
}
