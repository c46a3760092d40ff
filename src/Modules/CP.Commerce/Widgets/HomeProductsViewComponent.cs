using CP.Commerce.Catalog;
using CP.Commerce.Controllers;
using Microsoft.AspNetCore.Mvc;

namespace CP.Commerce.Widgets;

/// <summary>The first <see cref="Count"/> product cards of the catalog, with a link to all of them when there are more.</summary>
public sealed class HomeProductsViewComponent(CatalogCards cards) : ViewComponent
{
    public const int Count = 6;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var catalog = Url.Action(nameof(ProductsController.Index), "Products")!;
        return View(await cards.PageAsync(1, Count, catalog, HttpContext.RequestAborted));
    }
}
