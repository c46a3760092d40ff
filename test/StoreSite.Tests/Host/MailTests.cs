using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using netDumbster.smtp;
using StoreSite.Mail;
using StoreSite.Tests.Host.Support;
using StoreSite.Tests.Infrastructure;
using StoreSite.Web.Accounts;

namespace StoreSite.Tests.Host;

public sealed class MailTests
{
    private static void UseSmtp(TestSiteOptions options, int port)
    {
        options.Settings["StoreSite:Smtp:Host"] = "127.0.0.1";
        options.Settings["StoreSite:Smtp:Port"] = port.ToString(CultureInfo.InvariantCulture);
        options.Settings["StoreSite:Smtp:Security"] = "None";
    }

    private static Task SendAsync(TestSite site, EmailMessage message) =>
        site.InScopeAsync(sp => sp.GetRequiredService<IEmailSender>().SendAsync(message, CancellationToken.None));

    [Fact]
    public async Task Without_smtp_each_message_is_written_to_the_pickup_folder_as_an_eml_file()
    {
        await using var site = TestSite.Start();

        await SendAsync(site, new EmailMessage("reader@example.com", "Your order", "Plain text body", "<p>HTML <b>body</b></p>"));

        var message = Assert.Single(MailPickup.All(site.MailFolder));
        Assert.Equal("reader@example.com", message.To.Mailboxes.Single().Address);
        Assert.Equal("noreply@localhost", message.From.Mailboxes.Single().Address);
        Assert.Equal("Test Store", message.From.Mailboxes.Single().Name);
        Assert.Equal("Your order", message.Subject);
        Assert.Contains("Plain text body", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("<b>body</b>", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_smtp_configured_messages_go_to_the_smtp_server_and_not_to_the_pickup_folder()
    {
        using var smtp = SimpleSmtpServer.Start();
        await using var site = TestSite.Start(o =>
        {
            UseSmtp(o, smtp.Configuration.Port);
            o.Settings["StoreSite:Smtp:From"] = "Test Store <store@example.com>";
        });

        await SendAsync(site, new EmailMessage("buyer@example.com", "Receipt 1001", "Thank you for your order."));

        var received = Assert.Single(smtp.ReceivedEmail);
        Assert.Equal("buyer@example.com", received.ToAddresses.Single().Address);
        Assert.Equal("store@example.com", received.FromAddress.Address);
        Assert.Equal("Receipt 1001", received.Headers["Subject"]);
        Assert.Contains("Thank you for your order.", received.MessageParts[0].BodyData, StringComparison.Ordinal);
        Assert.Empty(MailPickup.All(site.MailFolder));
    }

    [Fact]
    public async Task A_configured_address_alone_is_sent_under_the_store_name_from_the_settings()
    {
        await using var site = TestSite.Start(o => o.Settings["StoreSite:Smtp:From"] = "orders@example.com");
        var admin = await site.AdminAsync();
        using var saved = await admin.SubmitFormAsync("/admin/settings", "form[action='/admin/settings']", new Dictionary<string, string> { ["SiteName"] = "Renamed Plugins" });

        await SendAsync(site, new EmailMessage("reader@example.com", "Your order", "Body"));

        var sender = Assert.Single(MailPickup.All(site.MailFolder)).From.Mailboxes.Single();
        Assert.Equal("Renamed Plugins", sender.Name);
        Assert.Equal("orders@example.com", sender.Address);
    }

    [Fact]
    public async Task A_password_reset_is_mailed_through_smtp_when_configured()
    {
        using var smtp = SimpleSmtpServer.Start();
        await using var site = TestSite.Start(o => UseSmtp(o, smtp.Configuration.Port));
        await site.RegisterCustomerAsync("smtp.reset@example.com");

        using var asked = await site.CreateClient().SubmitFormAsync("/account/forgot-password", "form[action='/account/forgot-password']", new Dictionary<string, string> { ["Email"] = "smtp.reset@example.com" });
        await site.PasswordResetsHandledAsync();

        var received = Assert.Single(smtp.ReceivedEmail);
        Assert.Equal("smtp.reset@example.com", received.ToAddresses.Single().Address);
        Assert.Contains("/account/reset-password?email=", string.Concat(received.MessageParts.Select(p => p.BodyData)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_forgot_password_form_answers_before_the_reset_mail_is_sent_so_an_existing_account_takes_no_longer()
    {
        // A mail server that accepts the connection and never says a word: sending to it hangs.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        await using var site = TestSite.Start(o => UseSmtp(o, ((IPEndPoint)silent.LocalEndpoint).Port));
        await site.RegisterCustomerAsync("slow.mail@example.com");
        var connected = silent.AcceptTcpClientAsync();

        using var asked = await site.CreateClient().SubmitFormAsync("/account/forgot-password", "form[action='/account/forgot-password']", new Dictionary<string, string> { ["Email"] = "slow.mail@example.com" });

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("we have sent it a link", await Html.MessagesAsync(asked), StringComparison.Ordinal);
        using var connection = await connected.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.False(site.Services.GetRequiredService<PasswordResetQueue>().WhenIdleAsync(CancellationToken.None).IsCompleted, "the reset mail is still being sent");
    }

    [Fact]
    public async Task An_unreachable_smtp_server_does_not_reveal_the_account_on_the_forgot_password_page()
    {
        await using var site = TestSite.Start(o => UseSmtp(o, 1));
        await site.RegisterCustomerAsync("unlucky@example.com");

        using var asked = await site.CreateClient().SubmitFormAsync("/account/forgot-password", "form[action='/account/forgot-password']", new Dictionary<string, string> { ["Email"] = "unlucky@example.com" });
        await site.PasswordResetsHandledAsync();

        Assert.Equal(System.Net.HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("we have sent it a link", await Html.MessagesAsync(asked), StringComparison.Ordinal);
        Assert.Contains(site.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains("could not be sent", StringComparison.Ordinal));
    }
}
