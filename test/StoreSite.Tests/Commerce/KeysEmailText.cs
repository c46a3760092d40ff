using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace StoreSite.Tests.Commerce;

/// <summary>A confirmation email section's plain-text component: one key a line.</summary>
public sealed class KeysEmailText : ComponentBase
{
    [Parameter]
    public IReadOnlyList<string> Keys { get; set; } = [];

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var key in Keys)
        {
            builder.AddContent(0, key + "\n");
        }
    }
}
