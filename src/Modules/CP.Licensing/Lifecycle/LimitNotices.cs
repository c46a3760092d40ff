using System.Globalization;
using CP.Licensing.Data;
using CP.Licensing.Keys;
using CP.Licensing.Lifecycle.Mail;
using CP.Licensing.Models;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using StoreSite.Data;
using StoreSite.Mail;
using StoreSite.Settings;

namespace CP.Licensing.Lifecycle;

/// <summary>
/// What a refusal at the limit leaves behind (docs/verify-api.md, "When a key reaches its limit"):
/// a refused environment and its history entry at most once per license, UTC day and domain, and a
/// mail to the customer at most once per license per UTC day, both held by the database (a unique
/// index, a conditional UPDATE). A retried refusal costs one INSERT that does nothing. The mail is
/// sent after the transaction committed; a mail that cannot be sent is logged, never the answer's concern.
/// </summary>
public sealed partial class LimitNotices(
    SiteDatabase database,
    SqliteWriteGate writeGate,
    IEmailSender sender,
    IMailRenderer renderer,
    ISiteSettingsStore settings,
    IPublicSiteAddress publicAddress,
    LinkGenerator links,
    ILogger<LimitNotices> logger)
{
    /// <param name="limit">The limit the key is at: Max Activations, or the development sites' limit.</param>
    public async Task RefusedAsync(int licenseId, string domain, string ip, int limit, bool development, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        Notice? notice = null;
        using (await writeGate.EnterAsync(database, cancellationToken))
        {
            await using var transaction = await database.BeginTransactionAsync(cancellationToken);
            await using (var refusal = database.CreateCommand(LicenseSql.AddRefusal))
            {
                refusal.AddParameter("@id", licenseId);
                refusal.AddParameter("@day", day);
                refusal.AddParameter("@domain", domain);
                refusal.AddParameter("@ip", ip);
                refusal.AddParameter("@now", now);
                if (await refusal.ExecuteScalarAsync(cancellationToken) is null or DBNull)
                {
                    // Refused today already: its entry and the day's notice were taken then.
                    return;
                }
            }

            var limitText = string.Create(CultureInfo.InvariantCulture, $"{limit}{(development ? " development sites" : string.Empty)}");
            await using (var history = database.CreateCommand(LicenseSql.InsertEvent))
            {
                history.AddParameter("@id", licenseId);
                history.AddParameter("@now", now);
                history.AddParameter("@kind", (int)LicenseEventKind.ActivationRefused);
                history.AddParameter("@actor", "api");
                history.AddParameter("@detail", $"Refused environment {domain} ({ip}): the key is at its limit of {limitText}.");
                await history.ExecuteNonQueryAsync(cancellationToken);
            }

            await using (var take = database.CreateCommand(LicenseSql.TakeLimitNotice))
            {
                take.AddParameter("@id", licenseId);
                take.AddParameter("@day", day);
                await using var reader = await take.ExecuteReaderAsync(cancellationToken);
                if (await reader.ReadAsync(cancellationToken))
                {
                    notice = new Notice(reader.GetString(0), reader.GetString(1), reader.GetString(2));
                }
            }

            await transaction.CommitAsync(cancellationToken);
        }

        if (notice is not null)
        {
            await SendAsync(notice, domain, limit, development, cancellationToken);
        }
    }

    private async Task SendAsync(Notice notice, string domain, int limit, bool development, CancellationToken cancellationToken)
    {
        var masked = LicenseKeys.Mask(notice.Key);
        try
        {
            var site = await settings.GetAsync<SiteSettings>(SiteSettings.Section, cancellationToken);
            var path = links.GetPathByRouteValues(LicensingRoutes.CustomerLicenses, values: null)
                ?? throw new InvalidOperationException($"The route {LicensingRoutes.CustomerLicenses} is not mapped.");
            var parameters = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                [nameof(LimitNoticeHtml.MaskedKey)] = masked,
                [nameof(LimitNoticeHtml.ProductName)] = notice.ProductName,
                [nameof(LimitNoticeHtml.SiteName)] = site.SiteName,
                [nameof(LimitNoticeHtml.Limit)] = limit,
                [nameof(LimitNoticeHtml.Development)] = development,
                [nameof(LimitNoticeHtml.Domain)] = domain,
                [nameof(LimitNoticeHtml.LicensesLink)] = (await publicAddress.GetAsync(cancellationToken)).Link(path),
            };
            await sender.SendAsync(
                new EmailMessage(
                    notice.Email,
                    $"Your license key for {notice.ProductName} has reached its limit",
                    await renderer.RenderTextAsync<LimitNoticeText>(parameters),
                    await renderer.RenderHtmlAsync<LimitNoticeHtml>(parameters)),
                cancellationToken);
            LogNoticeSent(logger, masked);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogNoticeFailed(logger, ex, masked);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "License {Key}: the limit notice was sent")]
    private static partial void LogNoticeSent(ILogger logger, string key);

    [LoggerMessage(Level = LogLevel.Error, Message = "License {Key}: the limit notice could not be sent")]
    private static partial void LogNoticeFailed(ILogger logger, Exception exception, string key);

    private sealed record Notice(string Email, string ProductName, string Key);
}
