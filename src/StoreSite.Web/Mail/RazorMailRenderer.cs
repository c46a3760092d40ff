using System.Net;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using StoreSite.Mail;

namespace StoreSite.Web.Mail;

/// <summary><see cref="IMailRenderer"/> on ASP.NET Core's <see cref="HtmlRenderer"/> (Razor components to HTML without a request).</summary>
public sealed class RazorMailRenderer(IServiceScopeFactory scopes, ILoggerFactory loggers) : IMailRenderer
{
    public Task<string> RenderHtmlAsync<TComponent>(IReadOnlyDictionary<string, object?> parameters)
        where TComponent : IComponent => RenderAsync<TComponent>(parameters);

    public async Task<string> RenderTextAsync<TComponent>(IReadOnlyDictionary<string, object?> parameters)
        where TComponent : IComponent
    {
        var rendered = await RenderAsync<TComponent>(parameters);
        return WebUtility.HtmlDecode(rendered).Replace("\r\n", "\n", StringComparison.Ordinal).Trim() + "\n";
    }

    private async Task<string> RenderAsync<TComponent>(IReadOnlyDictionary<string, object?> parameters)
        where TComponent : IComponent
    {
        ArgumentNullException.ThrowIfNull(parameters);
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters.ToDictionary(p => p.Key, p => p.Value)));
            return output.ToHtmlString();
        });
    }
}
