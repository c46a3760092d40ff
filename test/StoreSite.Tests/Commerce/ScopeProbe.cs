using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace StoreSite.Tests.Commerce;

/// <summary>A mail component that shows which service scope rendered it and a text parameter (encoded as Razor encodes).</summary>
public sealed class ScopeProbe : ComponentBase
{
    [Inject]
    public ScopeMarker Marker { get; set; } = default!;

    [Parameter]
    public string Text { get; set; } = string.Empty;

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.OpenElement(0, "p");
        builder.AddAttribute(1, "data-scope", Marker.Id.ToString("N"));
        builder.AddContent(2, Text);
        builder.CloseElement();
    }
}
