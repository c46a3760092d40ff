using StoreSite.Widgets;

namespace CP.Commerce.Widgets;

/// <summary>Products and Cart links in the storefront header.</summary>
public sealed class StoreLinksWidget : IWidget
{
    public string Zone => Zones.HeaderNavigation;

    public int Position => 10;

    public Type ViewComponent => typeof(StoreLinksViewComponent);
}
