using CP.Licensing.Data;
using CP.Licensing.Keys;
using CP.Licensing.Lifecycle.Mail;
using CP.Licensing.Lifecycle.Records;
using CP.Licensing.Models;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using StoreSite;
using StoreSite.Accounts;
using StoreSite.Data;
using StoreSite.Mail;
using StoreSite.Settings;
using StoreSite.Users;

namespace CP.Licensing.Lifecycle;

/// <summary>
/// Moves a key to another customer: an existing account, or one created with an invitation mail
/// (<see cref="IAccountInvitations"/>). The key, its allow-list and its dates stay as they are, so
/// Verify answers the same; the history says from whom to whom, and both owners get a mail after
/// the commit (<c>Mail/TransferNotice*.razor</c>). A revoked key is not transferred.
/// </summary>
public sealed partial class LicenseTransfers(
    LicensingDbContext db,
    SiteDatabase database,
    IAccountInvitations invitations,
    IUserDirectory directory,
    IEmailSender sender,
    IMailRenderer renderer,
    ISiteSettingsStore settings,
    IPublicSiteAddress publicAddress,
    LinkGenerator links,
    TimeProvider clock,
    ILogger<LicenseTransfers> logger)
{
    public async Task<Outcome<LicenseTransfer>> TransferAsync(int licenseId, string? customerEmail, string actor, CancellationToken cancellationToken)
    {
        var who = LicenseSets.Actor(actor);
        var license = await db.Licenses.AsNoTracking()
            .Where(l => l.Id == licenseId)
            .Select(l => new { l.CustomerId, l.CustomerEmail, l.ProductName, l.Key, Revoked = l.RevokedAt != null })
            .FirstOrDefaultAsync(cancellationToken);
        if (license is null)
        {
            return Outcome.Refused(LicenseProblems.NotFound);
        }

        if (license.Revoked)
        {
            return Outcome.Refused(LicenseProblems.Revoked);
        }

        var email = customerEmail?.Trim();
        if (!EmailAddressRule.IsValid(email) || email!.Length > LicenseConfiguration.EmailMaxLength)
        {
            return Outcome.Refused(LicenseProblems.InvalidEmail, "customerEmail");
        }

        var existing = await directory.FindByEmailAsync(email, cancellationToken);
        if (existing?.Id == license.CustomerId)
        {
            return Outcome.Refused(LicenseProblems.SameCustomer, "customerEmail");
        }

        var account = await invitations.FindOrInviteAsync(email, cancellationToken);
        if (!account.Succeeded)
        {
            return Outcome.Refused(LicenseProblems.InvalidEmail, "customerEmail", account.Detail);
        }

        var newEmail = (await directory.FindByIdAsync(account.Value!, cancellationToken))?.Email is { Length: > 0 } stored ? stored : email;
        await using (var transaction = await database.BeginTransactionAsync(cancellationToken))
        {
            var moved = await db.Licenses
                .Where(l => l.Id == licenseId && l.RevokedAt == null && l.CustomerId == license.CustomerId)
                .ExecuteUpdateAsync(set => set.SetProperty(l => l.CustomerId, account.Value!).SetProperty(l => l.CustomerEmail, newEmail), cancellationToken);
            if (moved == 0)
            {
                return Outcome.Refused(LicenseProblems.ChangedMeanwhile, "customerEmail");
            }

            db.LicenseEvents.Add(new LicenseEvent
            {
                LicenseId = licenseId,
                At = clock.GetUtcNow(),
                Kind = LicenseEventKind.Transferred,
                Actor = who,
                Detail = $"Transferred from {license.CustomerEmail} to {newEmail}{(existing is null ? " (account created with an invitation)" : string.Empty)}.",
            });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        LogTransferred(logger, licenseId, who);
        await NotifyAsync(license.CustomerEmail, receiving: false, license.Key, license.ProductName, cancellationToken);
        await NotifyAsync(newEmail, receiving: true, license.Key, license.ProductName, cancellationToken);
        return Outcome<LicenseTransfer>.Done(new LicenseTransfer(license.CustomerEmail, newEmail, existing is null));
    }

    private async Task NotifyAsync(string email, bool receiving, string key, string productName, CancellationToken cancellationToken)
    {
        var masked = LicenseKeys.Mask(key);
        try
        {
            var site = await settings.GetAsync<SiteSettings>(SiteSettings.Section, cancellationToken);
            var path = links.GetPathByRouteValues(LicensingRoutes.CustomerLicenses, values: null)
                ?? throw new InvalidOperationException($"The route {LicensingRoutes.CustomerLicenses} is not mapped.");
            var parameters = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                [nameof(TransferNoticeHtml.Receiving)] = receiving,
                [nameof(TransferNoticeHtml.MaskedKey)] = masked,
                [nameof(TransferNoticeHtml.ProductName)] = productName,
                [nameof(TransferNoticeHtml.SiteName)] = site.SiteName,
                [nameof(TransferNoticeHtml.LicensesLink)] = (await publicAddress.GetAsync(cancellationToken)).Link(path),
            };
            var subject = receiving ? $"A license key for {productName} is now in your account" : $"Your license key for {productName} was moved to another account";
            await sender.SendAsync(
                new EmailMessage(email, subject, await renderer.RenderTextAsync<TransferNoticeText>(parameters), await renderer.RenderHtmlAsync<TransferNoticeHtml>(parameters)),
                cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogNoticeFailed(logger, ex, masked);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "License {LicenseId} transferred to another customer by {Actor}")]
    private static partial void LogTransferred(ILogger logger, int licenseId, string actor);

    [LoggerMessage(Level = LogLevel.Error, Message = "License {Key}: a transfer notice could not be sent")]
    private static partial void LogNoticeFailed(ILogger logger, Exception exception, string key);
}
