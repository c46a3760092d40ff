using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace StoreSite.Tests.Commerce;

/// <summary>A confirmation email section's HTML component, as a module would have one (<c>&lt;ul&gt;</c> of its keys).</summary>
public sealed class KeysEmailHtml : ComponentBase
{
    [Parameter]
    public IReadOnlyList<string> Keys { get; set; } = [];

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.OpenElement(0, "ul");
        foreach (var key in Keys)
        {
            builder.OpenElement(1, "li");
            builder.AddContent(2, key);
            builder.CloseElement();
        }

        builder.CloseElement();
    }
}
