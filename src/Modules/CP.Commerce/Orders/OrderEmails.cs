using System.Globalization;
using System.Net;
using System.Text;
using CP.Commerce.Models;
using CP.Commerce.Services;
using Microsoft.Extensions.Logging;
using StoreSite.Mail;
using StoreSite.Settings;

namespace CP.Commerce.Orders;

/// <summary>
/// The order confirmation (summary plus every enabled module's section), the refund and the cancellation notices. Sent
/// after the order's transaction committed; a mail that cannot be sent is logged and never undoes the order. Links
/// are on the site's public address (<see cref="IPublicSiteAddress"/>), never on a request's Host header, so a mail
/// sent from a background job links the same as one sent during checkout.
/// </summary>
public sealed class OrderEmails(
    IEmailSender sender,
    ConfirmationSections sections,
    OrderSnapshots snapshots,
    ISiteSettingsStore settings,
    IPublicSiteAddress publicAddress,
    ILogger<OrderEmails> logger)
{
    public async Task SendConfirmationAsync(Order order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        try
        {
            var site = await settings.GetAsync<SiteSettings>(SiteSettings.Section, cancellationToken);
            var text = new StringBuilder();
            var html = new StringBuilder();
            text.AppendLine(CultureInfo.InvariantCulture, $"Thank you for your order {order.Number} at {site.SiteName}.");
            text.AppendLine();
            html.Append(CultureInfo.InvariantCulture, $"<p>Thank you for your order <strong>{Encode(order.Number)}</strong> at {Encode(site.SiteName)}.</p>");
            AppendSummary(order, text, html);
            var snapshot = await snapshots.TakeAsync(order, cancellationToken);
            foreach (var section in sections.Enabled)
            {
                if (await section.BuildEmailSectionAsync(snapshot, cancellationToken) is not { } part)
                {
                    continue;
                }

                text.AppendLine().AppendLine(part.Title).AppendLine(new string('-', Math.Min(part.Title.Length, 60))).AppendLine(part.Text);
                html.Append(CultureInfo.InvariantCulture, $"<h2>{Encode(part.Title)}</h2>").Append(part.Html);
            }

            var link = await OrderLinkAsync(order, cancellationToken);
            text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Your order: {link.AbsoluteUri}");
            html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{Encode(link.AbsoluteUri)}\">View your order</a></p>");

            await sender.SendAsync(new EmailMessage(order.CustomerEmail, $"Your order {order.Number} at {site.SiteName}", text.ToString(), html.ToString()), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "The confirmation email of order {OrderNumber} could not be sent", order.Number);
        }
    }

    public Task SendRefundNoticeAsync(Order order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var total = Money.Format(order.Total, order.Currency);
        return SendNoticeAsync(
            order,
            "refunded",
            ($"has been refunded in full: {total}.", $"has been refunded in full: <strong>{Encode(total)}</strong>."),
            order.RefundReason ?? string.Empty,
            cancellationToken);
    }

    public Task SendCancellationNoticeAsync(Order order, string reason, CancellationToken cancellationToken)
    {
        const string Outcome = "has been cancelled. You have not been charged for it.";
        return SendNoticeAsync(order, "cancelled", (Outcome, Outcome), reason, cancellationToken);
    }

    /// <summary>"Your order N at SITE OUTCOME", the reason, and what the order held.</summary>
    private async Task SendNoticeAsync(Order order, string verb, (string Text, string Html) outcome, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        try
        {
            var site = await settings.GetAsync<SiteSettings>(SiteSettings.Section, cancellationToken);
            var text = new StringBuilder()
                .AppendLine(CultureInfo.InvariantCulture, $"Your order {order.Number} at {site.SiteName} {outcome.Text}")
                .AppendLine(CultureInfo.InvariantCulture, $"Reason: {reason}")
                .AppendLine()
                .AppendLine(CultureInfo.InvariantCulture, $"What was {verb}:");
            var html = new StringBuilder()
                .Append(CultureInfo.InvariantCulture, $"<p>Your order <strong>{Encode(order.Number)}</strong> at {Encode(site.SiteName)} {outcome.Html}</p>")
                .Append(CultureInfo.InvariantCulture, $"<p>Reason: {Encode(reason)}</p>");
            AppendSummary(order, text, html);
            var link = await OrderLinkAsync(order, cancellationToken);
            text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Your order: {link.AbsoluteUri}");
            html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{Encode(link.AbsoluteUri)}\">View your order</a></p>");
            await sender.SendAsync(new EmailMessage(order.CustomerEmail, $"Your order {order.Number} has been {verb}", text.ToString(), html.ToString()), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "The {Notice} notice of order {OrderNumber} could not be sent", verb, order.Number);
        }
    }

    private static void AppendSummary(Order order, StringBuilder text, StringBuilder html)
    {
        html.Append("<table><thead><tr><th>Product</th><th>Plan</th><th>Unit price</th><th>Quantity</th><th>Total</th></tr></thead><tbody>");
        foreach (var line in order.Lines.OrderBy(l => l.LineNumber))
        {
            var unit = Money.Format(line.UnitPrice, order.Currency);
            var lineTotal = Money.Format(line.LineTotal, order.Currency);
            text.AppendLine(CultureInfo.InvariantCulture, $"{line.ProductName} – {line.PlanName}: {line.Quantity} x {unit} = {lineTotal}");
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Encode(line.ProductName)}</td><td>{Encode(line.PlanName)}</td><td>{Encode(unit)}</td><td>{line.Quantity}</td><td>{Encode(lineTotal)}</td></tr>");
        }

        var total = Money.Format(order.Total, order.Currency);
        text.AppendLine(CultureInfo.InvariantCulture, $"Total: {total}");
        html.Append(CultureInfo.InvariantCulture, $"</tbody></table><p>Total: <strong>{Encode(total)}</strong></p>");
    }

    /// <summary>The customer's order page on the site's public address.</summary>
    private async Task<Uri> OrderLinkAsync(Order order, CancellationToken cancellationToken) =>
        (await publicAddress.GetAsync(cancellationToken)).Link($"account/orders/{Uri.EscapeDataString(order.Number)}");

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
