using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using StoreSite.Mail;
using StoreSite.Settings;
using StoreSite.Web.Data;
using StoreSite.Web.Hosting;

namespace StoreSite.Web.Accounts;

/// <summary>
/// Mails a password reset link (<c>/account/reset-password?email=…&amp;code=…</c>) to an account.
/// An address without an account gets nothing; the form cannot tell the difference, as it only queues
/// the request (<see cref="PasswordResetQueue"/>) and this runs in <see cref="PasswordResetWorker"/>.
/// </summary>
public sealed class PasswordResetSender(
    UserManager<StoreUser> users,
    IEmailSender mail,
    ISiteSettingsStore settings,
    IOptions<StoreSiteOptions> options,
    ILogger<PasswordResetSender> logger)
{
    /// <param name="email">The address typed on the form.</param>
    /// <param name="requestBase">The address of the current request's site (<c>https://host/</c>), used unless <c>StoreSite:PublicUrl</c> is set.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    public async Task SendAsync(string email, Uri requestBase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requestBase);
        var user = EmailAddressRule.IsValid(email) ? await users.FindByEmailAsync(email) : null;
        if (user?.Email is null)
        {
            logger.LogInformation("Password reset asked for an address without an account");
            return;
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = new Uri(SiteBase(requestBase), $"account/reset-password?email={Uri.EscapeDataString(user.Email)}&code={ResetCode.Encode(token)}");
        var site = await settings.GetAsync<SiteSettings>(SiteSettings.Section, cancellationToken);
        var subject = $"Reset your password for {site.SiteName}";
        var text = $"""
            Someone asked to reset the password of your account at {site.SiteName}.

            To choose a new password, open this link:
            {link.AbsoluteUri}

            If you did not ask for this, ignore this message: your password stays as it is.
            """;
        var html = $"""
            <p>Someone asked to reset the password of your account at {HtmlEncoder.Default.Encode(site.SiteName)}.</p>
            <p><a href="{HtmlEncoder.Default.Encode(link.AbsoluteUri)}">Choose a new password</a></p>
            <p>If you did not ask for this, ignore this message: your password stays as it is.</p>
            """;
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

    private Uri SiteBase(Uri requestBase)
    {
        var configured = options.Value.PublicUrl;
        var address = string.IsNullOrWhiteSpace(configured) ? requestBase.AbsoluteUri : configured.Trim();
        return new Uri(address.EndsWith('/') ? address : address + "/", UriKind.Absolute);
    }
}
