using System.Globalization;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using StoreSite.Mail;
using StoreSite.Settings;
using StoreSite.Web.Hosting;
using StoreSite.Web.Setup;

namespace StoreSite.Web.Mail;

/// <summary>
/// Sends mail with MailKit when <c>StoreSite:Smtp:Host</c> is set; otherwise writes each message as
/// an <c>.eml</c> file into <c>&lt;AppData&gt;/mail</c>, so a fresh clone works offline. The sender
/// is <c>StoreSite:Smtp:From</c>, under the store's name unless that setting names its own.
/// </summary>
public sealed class EmailSender(
    IOptions<StoreSiteOptions> options,
    AppDataPaths paths,
    SiteState state,
    IServiceScopeFactory scopes,
    TimeProvider clock,
    ILogger<EmailSender> logger) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var smtp = options.Value.Smtp;
        using var mime = Build(message, await SenderAsync(smtp.From, cancellationToken));
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            Directory.CreateDirectory(paths.MailPickup);
            var file = Path.Combine(paths.MailPickup, string.Create(CultureInfo.InvariantCulture, $"{clock.GetUtcNow():yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml"));
            // Written beside under another extension, then renamed: whoever watches the folder for
            // *.eml (a relay, a test) never opens a message that is still being written.
            var partial = file + ".partial";
            await mime.WriteToAsync(partial, cancellationToken);
            File.Move(partial, file);
            logger.LogInformation("Mail {Subject} written to the pickup folder as {File}", message.Subject, Path.GetFileName(file));
            return;
        }

        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host, smtp.Port, Enum.Parse<SecureSocketOptions>(smtp.Security, ignoreCase: true), cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(mime, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        logger.LogInformation("Mail {Subject} sent through {SmtpHost}", message.Subject, smtp.Host);
    }

    private async Task<MailboxAddress> SenderAsync(string configured, CancellationToken cancellationToken)
    {
        var from = MailboxAddress.Parse(configured);
        if (!string.IsNullOrWhiteSpace(from.Name) || !state.IsSetUp)
        {
            return from;
        }

        // A scope of its own: a background job sends mail too, and this sender is a singleton.
        await using var scope = scopes.CreateAsyncScope();
        var settings = await scope.ServiceProvider.GetRequiredService<ISiteSettingsStore>().GetAsync<SiteSettings>(SiteSettings.Section, cancellationToken);
        return new MailboxAddress(settings.SiteName, from.Address);
    }

    private static MimeMessage Build(EmailMessage message, MailboxAddress from)
    {
        var mime = new MimeMessage();
        mime.From.Add(from);
        // The parser the forms' and recipes' email rule checks with (EmailAddressRule).
        mime.To.Add(MailboxAddress.Parse(EmailAddressRule.ParserOptions, message.To));
        mime.Subject = message.Subject;
        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        mime.Body = body.ToMessageBody();
        return mime;
    }
}
