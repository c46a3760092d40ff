using CP.Commerce.Confirmation;
using CP.Commerce.Models;
using CP.Commerce.Orders.Mail;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using StoreSite.Mail;
using StoreSite.Settings;

namespace CP.Commerce.Orders;

/// <summary>
/// The order confirmation (summary plus every enabled module's section), the refund, line refund and cancellation notices,
/// rendered from the Razor templates in <c>Orders/Mail</c> by <see cref="IMailRenderer"/>. Sent after the order's
/// transaction committed; a mail that cannot be sent is logged and never undoes the order. Links are on the site's
/// public address (<see cref="IPublicSiteAddress"/>) joined with the path of the customer's order route, never on a
/// request's Host header, so a mail sent from a background job links the same as one sent during checkout.
/// </summary>
public sealed class OrderEmails(
    IEmailSender sender,
    IMailRenderer renderer,
    ConfirmationSections sections,
    OrderSnapshots snapshots,
    ISiteSettingsStore settings,
    IPublicSiteAddress publicAddress,
    LinkGenerator links,
    ILogger<OrderEmails> logger)
{
    public async Task SendConfirmationAsync(Order order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        try
        {
            var site = await settings.GetAsync<SiteSettings>(SiteSettings.Section, cancellationToken);
            var snapshot = await snapshots.TakeAsync(order, cancellationToken);
            var parts = new List<OrderEmailSection>();
            foreach (var section in sections.Enabled)
            {
                if (await section.BuildEmailSectionAsync(snapshot, cancellationToken) is { } part)
                {
                    parts.Add(part);
                }
            }

            var parameters = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                [nameof(OrderConfirmationHtml.Order)] = order,
                [nameof(OrderConfirmationHtml.SiteName)] = site.SiteName,
                [nameof(OrderConfirmationHtml.OrderLink)] = await OrderLinkAsync(order, cancellationToken),
                [nameof(OrderConfirmationHtml.Sections)] = parts,
            };
            await sender.SendAsync(
                new EmailMessage(
                    order.CustomerEmail,
                    $"Your order {order.Number} at {site.SiteName}",
                    await renderer.RenderTextAsync<OrderConfirmationText>(parameters),
                    await renderer.RenderHtmlAsync<OrderConfirmationHtml>(parameters)),
                cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "The confirmation email of order {OrderNumber} could not be sent", order.Number);
        }
    }

    public Task SendRefundNoticeAsync(Order order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        return SendNoticeAsync(order, OrderNoticeKind.Refunded, order.RefundReason ?? string.Empty, cancellationToken);
    }

    public Task SendCancellationNoticeAsync(Order order, string reason, CancellationToken cancellationToken) =>
        SendNoticeAsync(order, OrderNoticeKind.Cancelled, reason, cancellationToken);

    /// <summary>"Part of your order N has been refunded": the lines <paramref name="lineNumbers"/> just refunded, while others stay paid.</summary>
    public Task SendLineRefundNoticeAsync(Order order, IReadOnlyCollection<int> lineNumbers, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(lineNumbers);
        var lines = order.Lines.Where(l => lineNumbers.Contains(l.LineNumber)).OrderBy(l => l.LineNumber).ToList();
        return SendNoticeAsync(order, OrderNoticeKind.PartlyRefunded, reason, cancellationToken, lines);
    }

    /// <summary>"Your order N at SITE has been …", the reason, and what the order held (or, for a line refund, the lines refunded).</summary>
    private async Task SendNoticeAsync(Order order, OrderNoticeKind kind, string reason, CancellationToken cancellationToken, IReadOnlyList<OrderLine>? refundedLines = null)
    {
        ArgumentNullException.ThrowIfNull(order);
        var verb = kind switch
        {
            OrderNoticeKind.Refunded => "refunded",
            OrderNoticeKind.PartlyRefunded => "partly refunded",
            _ => "cancelled",
        };
        try
        {
            var site = await settings.GetAsync<SiteSettings>(SiteSettings.Section, cancellationToken);
            var parameters = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                [nameof(OrderNoticeHtml.Order)] = order,
                [nameof(OrderNoticeHtml.SiteName)] = site.SiteName,
                [nameof(OrderNoticeHtml.Kind)] = kind,
                [nameof(OrderNoticeHtml.Reason)] = reason,
                [nameof(OrderNoticeHtml.OrderLink)] = await OrderLinkAsync(order, cancellationToken),
                [nameof(OrderNoticeHtml.RefundedLines)] = refundedLines ?? [],
            };
            await sender.SendAsync(
                new EmailMessage(
                    order.CustomerEmail,
                    $"Your order {order.Number} has been {verb}",
                    await renderer.RenderTextAsync<OrderNoticeText>(parameters),
                    await renderer.RenderHtmlAsync<OrderNoticeHtml>(parameters)),
                cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "The {Notice} notice of order {OrderNumber} could not be sent", verb, order.Number);
        }
    }

    /// <summary>The customer's order page (<see cref="CommerceRoutes.CustomerOrder"/>) on the site's public address.</summary>
    private async Task<Uri> OrderLinkAsync(Order order, CancellationToken cancellationToken)
    {
        var path = links.GetPathByRouteValues(CommerceRoutes.CustomerOrder, new { number = order.Number })
            ?? throw new InvalidOperationException($"The route {CommerceRoutes.CustomerOrder} is not mapped.");
        return (await publicAddress.GetAsync(cancellationToken)).Link(path);
    }
}
