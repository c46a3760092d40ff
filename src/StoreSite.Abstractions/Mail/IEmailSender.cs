namespace StoreSite.Mail;

/// <summary>Sends mail: by SMTP when configured, else into the pickup folder <c>&lt;AppData&gt;/mail</c>.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
