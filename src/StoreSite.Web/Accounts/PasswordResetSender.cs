using Microsoft.AspNetCore.Identity;
using StoreSite.Mail;
using StoreSite.Settings;
using StoreSite.Web.Data;

namespace StoreSite.Web.Accounts;

/// <summary>
/// Mails a password reset link (<c>/account/reset-password?email=…&amp;code=…</c>) to an account;
/// the bodies are <c>PasswordResetMailText.razor</c> and <c>PasswordResetMailHtml.razor</c>.
/// An address without an account gets nothing; the form cannot tell the difference, as it only queues
/// the request (<see cref="PasswordResetQueue"/>) and this runs in <see cref="PasswordResetWorker"/>.
/// The link is on the site's public address (<see cref="IPublicSiteAddress"/>), never on the Host
/// header of the request that asked for it: a client sending <c>Host: evil.example</c> must not get
/// a valid code mailed on a link to its own server.
/// </summary>
public sealed class PasswordResetSender(
    UserManager<StoreUser> users,
    IEmailSender mail,
    IMailRenderer renderer,
    ISiteSettingsStore settings,
    IPublicSiteAddress publicAddress,
    LinkGenerator links,
    ILogger<PasswordResetSender> logger)
{
    /// <param name="email">The address typed on the form.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    public async Task SendAsync(string email, CancellationToken cancellationToken)
    {
        var user = EmailAddressRule.IsValid(email) ? await users.FindByEmailAsync(email) : null;
        if (user?.Email is null)
        {
            logger.LogInformation("Password reset asked for an address without an account");
            return;
        }

        var link = await LinkAsync(user, cancellationToken);
        var site = await settings.GetAsync<SiteSettings>(SiteSettings.Section, cancellationToken);
        var subject = $"Reset your password for {site.SiteName}";
        var parameters = new Dictionary<string, object?>
        {
            [nameof(PasswordResetMailText.SiteName)] = site.SiteName,
            [nameof(PasswordResetMailText.Link)] = link.AbsoluteUri,
        };
        var text = await renderer.RenderTextAsync<PasswordResetMailText>(parameters);
        var html = await renderer.RenderHtmlAsync<PasswordResetMailHtml>(parameters);
        try
        {
            await mail.SendAsync(new EmailMessage(user.Email, subject, text, html), cancellationToken);
            logger.LogInformation("Password reset link sent to user {UserId}", user.Id);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The form answers the same either way: a failure here must not tell that the account exists.
            logger.LogError(ex, "Password reset mail to user {UserId} could not be sent", user.Id);
        }
    }

    /// <summary>
    /// A new set-your-password link for <paramref name="user"/> on the site's public address (the
    /// reset page, <c>?email=…&amp;code=…</c>); the account invitation mails the same link.
    /// </summary>
    public async Task<Uri> LinkAsync(StoreUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var address = await publicAddress.GetAsync(cancellationToken);
        // The page's path from its route; the query escaped as data (an '@' becomes %40).
        var path = links.GetPathByAction(nameof(Controllers.PasswordController.ResetPassword), "Password")
            ?? throw new InvalidOperationException("The reset password page has no route.");
        return address.Link($"{path}?email={Uri.EscapeDataString(user.Email!)}&code={Uri.EscapeDataString(ResetCode.Encode(token))}");
    }
}
