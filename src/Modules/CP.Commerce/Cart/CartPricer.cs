using CP.Commerce.Data;
using Microsoft.EntityFrameworkCore;
using StoreSite.Settings;

namespace CP.Commerce.Cart;

/// <summary>Prices a cart from the database: a plan that is gone, inactive or of a product not on sale is unavailable.</summary>
public sealed class CartPricer(CommerceDbContext db, ISiteSettingsStore settings)
{
    public async Task<PricedCart> PriceAsync(ShoppingCart cart, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        var site = await settings.GetAsync<SiteSettings>(SiteSettings.Section, cancellationToken);
        var ids = cart.Items.Select(i => i.PlanId).ToList();
        var plans = ids.Count == 0
            ? []
            : await db.Plans.AsNoTracking()
                .Where(p => ids.Contains(p.Id))
                .Select(p => new { p.Id, p.ProductId, ProductName = p.Product!.Name, p.Product.Slug, p.Name, p.Price, p.IsActive, ProductActive = p.Product.IsActive, p.Product.IsArchived })
                .ToDictionaryAsync(p => p.Id, cancellationToken);
        var lines = cart.Items
            .Select(item => plans.TryGetValue(item.PlanId, out var plan)
                ? new PricedCartLine(plan.Id, plan.ProductId, plan.ProductName, plan.Slug, plan.Name, plan.Price, item.Quantity, plan.IsActive && plan.ProductActive && !plan.IsArchived)
                : new PricedCartLine(item.PlanId, 0, "Unknown product", string.Empty, "Unknown plan", 0m, item.Quantity, IsAvailable: false))
            .ToList();
        return new PricedCart(lines, site.Currency);
    }
}
