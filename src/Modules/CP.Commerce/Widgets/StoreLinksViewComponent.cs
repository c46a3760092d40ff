using CP.Commerce.Cart;
using Microsoft.AspNetCore.Mvc;

namespace CP.Commerce.Widgets;

/// <summary>Renders the Products and Cart links; the cart link shows how many items it holds.</summary>
public sealed class StoreLinksViewComponent(CartStore carts) : ViewComponent
{
    public IViewComponentResult Invoke() => View(carts.Read(HttpContext).Count);
}
