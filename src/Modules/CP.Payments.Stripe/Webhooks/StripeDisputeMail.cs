using CP.Commerce.Payments;
using CP.Payments.Stripe.Services;
using CP.Payments.Stripe.Webhooks.Mail;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using StoreSite.Mail;
using StoreSite.Security;
using StoreSite.Settings;
using StoreSite.Users;

namespace CP.Payments.Stripe.Webhooks;

/// <summary>
/// Mails every account in the Administrator role (the store has no separate notification address)
/// when a customer disputes a payment: the order number, the disputed amount, Stripe's reason and a
/// link to the order in the admin on the site's public address. Sent after the event's transaction
/// committed; a mail that cannot be sent is logged and never undoes the event.
/// </summary>
public sealed partial class StripeDisputeMail(
    IUserDirectory users,
    IEmailSender sender,
    IMailRenderer renderer,
    ISiteSettingsStore settings,
    IPublicSiteAddress publicAddress,
    LinkGenerator links,
    ILogger<StripeDisputeMail> logger)
{
    /// <summary>What Stripe sends when it gives no reason.</summary>
    public const string NoReason = "none given";

    public async Task SendAsync(string orderNumber, StripeNotice dispute, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dispute);
        try
        {
            var admins = await users.InRoleAsync(StandardRoles.Administrator, cancellationToken);
            if (admins.Count == 0)
            {
                LogNoAdministrator(orderNumber);
                return;
            }

            var site = await settings.GetAsync<SiteSettings>(SiteSettings.Section, cancellationToken);
            var path = links.GetPathByRouteValues(CheckoutRouteNames.AdminOrder, new { number = orderNumber }, pathBase: string.Empty)
                ?? throw new InvalidOperationException($"The route {CheckoutRouteNames.AdminOrder} is not mapped.");
            var parameters = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                [nameof(DisputeOpenedHtml.OrderNumber)] = orderNumber,
                [nameof(DisputeOpenedHtml.SiteName)] = site.SiteName,
                [nameof(DisputeOpenedHtml.Amount)] = StripeAmounts.Describe(dispute.Amount, dispute.Currency ?? site.Currency),
                [nameof(DisputeOpenedHtml.Reason)] = string.IsNullOrWhiteSpace(dispute.Detail) ? NoReason : dispute.Detail,
                [nameof(DisputeOpenedHtml.OrderLink)] = (await publicAddress.GetAsync(cancellationToken)).Link(path),
            };
            var subject = $"Payment disputed: order {orderNumber} at {site.SiteName}";
            var text = await renderer.RenderTextAsync<DisputeOpenedText>(parameters);
            var html = await renderer.RenderHtmlAsync<DisputeOpenedHtml>(parameters);
            foreach (var admin in admins)
            {
                await sender.SendAsync(new EmailMessage(admin.Email, subject, text, html), cancellationToken);
            }

            LogSent(orderNumber, admins.Count);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(ex, orderNumber);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderNumber}: the dispute notice was sent to {Count} administrator(s)")]
    private partial void LogSent(string orderNumber, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderNumber} was disputed, but no account has the Administrator role to tell")]
    private partial void LogNoAdministrator(string orderNumber);

    [LoggerMessage(Level = LogLevel.Error, Message = "Order {OrderNumber}: the dispute notice could not be sent")]
    private partial void LogFailed(Exception exception, string orderNumber);
}
