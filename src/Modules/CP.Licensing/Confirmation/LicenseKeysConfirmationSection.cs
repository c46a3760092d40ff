using System.Text;
using System.Text.Encodings.Web;
using CP.Commerce.Confirmation;
using CP.Commerce.Events;
using CP.Licensing.Customer;

namespace CP.Licensing.Confirmation;

/// <summary>The order's license keys on the confirmation page, the customer's order page and in the confirmation email.</summary>
public sealed class LicenseKeysConfirmationSection(OrderLicenseKeyQuery keys) : IOrderConfirmationSection
{
    public const string Title = "Your license keys";

    public Type ViewComponent => typeof(OrderLicenseKeysViewComponent);

    public async Task<OrderEmailSection?> BuildEmailSectionAsync(OrderSnapshot order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var list = await keys.ListAsync(order.Number, cancellationToken);
        if (list.Count == 0)
        {
            return null;
        }

        var text = new StringBuilder();
        var html = new StringBuilder("<ul>");
        var encoder = HtmlEncoder.Default;
        foreach (var key in list)
        {
            text.Append(key.ProductName).Append(": ").Append(key.Key)
                .Append(" (").Append(key.ActivationsText).Append(", ").Append(key.ExpiryText).Append(')').AppendLine();
            html.Append("<li>").Append(encoder.Encode(key.ProductName)).Append(": <code>").Append(encoder.Encode(key.Key)).Append("</code> (")
                .Append(encoder.Encode(key.ActivationsText)).Append(", ").Append(encoder.Encode(key.ExpiryText)).Append(")</li>");
        }

        html.Append("</ul>");
        return new OrderEmailSection(Title, text.ToString(), html.ToString());
    }
}
