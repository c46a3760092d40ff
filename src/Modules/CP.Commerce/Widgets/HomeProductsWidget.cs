using StoreSite.Widgets;

namespace CP.Commerce.Widgets;

/// <summary>The products on sale on the storefront home page.</summary>
public sealed class HomeProductsWidget : IWidget
{
    public string Zone => Zones.HomeContent;

    public int Position => 10;

    public Type ViewComponent => typeof(HomeProductsViewComponent);
}
