using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using StoreSite.Modules;
using StoreSite.Widgets;

namespace StoreSite.Web.Widgets;

/// <summary>
/// <c>&lt;zone name="AccountDashboard" /&gt;</c> renders, in order, the widgets of enabled modules
/// placed in that zone. A <c>class</c> adds layout classes to the zone's own (<c>zone-cards</c>: cards side by side where they fit).
/// </summary>
[HtmlTargetElement("zone", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ZoneTagHelper(IEnumerable<IWidget> widgets, IModuleState modules, IViewComponentHelper components) : TagHelper
{
    public required string Name { get; set; }

    /// <summary>Classes added to <c>zone</c>.</summary>
    public string? Class { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        ((IViewContextAware)components).Contextualize(ViewContext);
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", string.IsNullOrWhiteSpace(Class) ? "zone" : "zone " + Class.Trim());
        output.Attributes.SetAttribute("data-zone", Name);
        foreach (var widget in modules.OnlyEnabled(widgets).Where(w => w.Zone == Name).OrderBy(w => w.Position))
        {
            output.Content.AppendHtml(await components.InvokeAsync(widget.ViewComponent));
        }
    }
}
