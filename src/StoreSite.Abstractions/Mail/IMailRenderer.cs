using Microsoft.AspNetCore.Components;

namespace StoreSite.Mail;

/// <summary>
/// Renders mail bodies from Razor components (a <c>.razor</c> file per body, in the module that
/// sends the mail), outside any request: the same templates serve a checkout and a background job.
/// </summary>
public interface IMailRenderer
{
    /// <summary>The HTML body: <typeparamref name="TComponent"/> rendered with <paramref name="parameters"/>, encoded as Razor encodes.</summary>
    Task<string> RenderHtmlAsync<TComponent>(IReadOnlyDictionary<string, object?> parameters)
        where TComponent : IComponent;

    /// <summary>
    /// The plain-text body: <typeparamref name="TComponent"/> (a template with
    /// <c>@preservewhitespace true</c> and no markup) rendered, with Razor's encoding undone.
    /// </summary>
    Task<string> RenderTextAsync<TComponent>(IReadOnlyDictionary<string, object?> parameters)
        where TComponent : IComponent;
}
