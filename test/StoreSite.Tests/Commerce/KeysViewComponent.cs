using CP.Commerce.Events;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewComponents;

namespace StoreSite.Tests.Commerce;

/// <summary>A confirmation section's view component, as licensing would have one: invoked with <c>new { order }</c>.</summary>
public sealed class KeysViewComponent : ViewComponent
{
    public ContentViewComponentResult Invoke(OrderSnapshot order) =>
        Content($"Keys of {order?.Number} ({order?.Lines.Sum(l => l.Quantity)} units)");
}
