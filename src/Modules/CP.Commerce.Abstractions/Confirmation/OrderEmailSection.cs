using Microsoft.AspNetCore.Components;

namespace CP.Commerce.Confirmation;

/// <summary>
/// A module's section of the order confirmation email: its title and two Razor components of the
/// module (one renders the HTML part, one the plain-text part, a template with
/// <c>@preservewhitespace true</c> and no markup), with the parameters both are given. Commerce renders
/// them inside its own mail templates, so Razor encodes everything; a module never hands over HTML.
/// The mail is rendered in a new service scope: give the components all they show as parameters.
/// </summary>
public sealed class OrderEmailSection
{
    private OrderEmailSection(string title, Type htmlComponent, Type textComponent, IReadOnlyDictionary<string, object?> parameters)
    {
        Title = title;
        HtmlComponent = htmlComponent;
        TextComponent = textComponent;
        Parameters = parameters;
    }

    public string Title { get; }

    /// <summary>The component that renders the HTML part.</summary>
    public Type HtmlComponent { get; }

    /// <summary>The component that renders the plain-text part.</summary>
    public Type TextComponent { get; }

    /// <summary>The parameters of both components, by parameter name.</summary>
    public IReadOnlyDictionary<string, object?> Parameters { get; }

    /// <summary>A section rendered by <typeparamref name="THtml"/> and <typeparamref name="TText"/> with <paramref name="parameters"/>.</summary>
    public static OrderEmailSection Of<THtml, TText>(string title, IReadOnlyDictionary<string, object?> parameters)
        where THtml : IComponent
        where TText : IComponent
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentNullException.ThrowIfNull(parameters);
        return new(title, typeof(THtml), typeof(TText), parameters);
    }
}
