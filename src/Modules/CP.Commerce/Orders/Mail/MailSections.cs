using CP.Commerce.Confirmation;

namespace CP.Commerce.Orders.Mail;

/// <summary>A module's email section as the parameters of a <c>DynamicComponent</c>.</summary>
internal static class MailSections
{
    public static IDictionary<string, object> ParametersOf(OrderEmailSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return section.Parameters.ToDictionary(p => p.Key, p => p.Value!, StringComparer.Ordinal);
    }
}
