using Microsoft.AspNetCore.Identity;
using StoreSite.Accounts;
using StoreSite.Data;
using StoreSite.Mail;
using StoreSite.Security;
using StoreSite.Settings;
using StoreSite.Web.Data;

namespace StoreSite.Web.Accounts;

/// <summary>
/// The host's <see cref="IAccountInvitations"/>: an existing account by email, or a new one with the
/// Customer role and no password, mailed an invitation (<c>AccountInvitationMailText.razor</c>,
/// <c>AccountInvitationMailHtml.razor</c>) whose link is the password reset link of
/// <see cref="PasswordResetSender.LinkAsync"/>. The account is created in the caller's transaction
/// when there is one; the mail goes when it is created (a failed send is logged, the account stays:
/// "Forgot password" sends a new link).
/// </summary>
public sealed partial class AccountInvitations(
    UserManager<StoreUser> users,
    SiteDatabase database,
    PasswordResetSender resetLinks,
    IEmailSender mail,
    IMailRenderer renderer,
    ISiteSettingsStore settings,
    TimeProvider clock,
    ILogger<AccountInvitations> logger) : IAccountInvitations
{
    public async Task<Outcome<string>> FindOrInviteAsync(string email, CancellationToken cancellationToken)
    {
        var address = email?.Trim();
        if (!EmailAddressRule.IsValid(address))
        {
            return Outcome.Refused(AccountInvitationProblems.InvalidEmail, "customerEmail");
        }

        if (await users.FindByEmailAsync(address!) is { } existing)
        {
            return Outcome<string>.Done(existing.Id);
        }

        var user = new StoreUser { UserName = address, Email = address, EmailConfirmed = true, CreatedAt = clock.GetUtcNow() };
        await using (var transaction = await database.BeginTransactionAsync(cancellationToken))
        {
            var created = await users.CreateAsync(user);
            if (created.Succeeded)
            {
                created = await users.AddToRoleAsync(user, StandardRoles.Customer);
            }

            if (!created.Succeeded)
            {
                return Outcome.Refused(AccountInvitationProblems.NotCreated, "customerEmail", string.Join(" ", created.Errors.Select(e => e.Description)));
            }

            await transaction.CommitAsync(cancellationToken);
        }

        var site = await settings.GetAsync<SiteSettings>(SiteSettings.Section, cancellationToken);
        var parameters = new Dictionary<string, object?>
        {
            [nameof(AccountInvitationMailText.SiteName)] = site.SiteName,
            [nameof(AccountInvitationMailText.Link)] = (await resetLinks.LinkAsync(user, cancellationToken)).AbsoluteUri,
        };
        try
        {
            await mail.SendAsync(
                new EmailMessage(address!, $"Your account at {site.SiteName}", await renderer.RenderTextAsync<AccountInvitationMailText>(parameters), await renderer.RenderHtmlAsync<AccountInvitationMailHtml>(parameters)),
                cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogInvitationFailed(logger, ex, user.Id);
        }

        LogInvited(logger, user.Id);
        return Outcome<string>.Done(user.Id);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Account {UserId} created by invitation")]
    private static partial void LogInvited(ILogger logger, string userId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The invitation mail to account {UserId} could not be sent")]
    private static partial void LogInvitationFailed(ILogger logger, Exception exception, string userId);
}
