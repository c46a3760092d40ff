using CP.Commerce.Data;
using CP.Commerce.Renewals;
using Microsoft.EntityFrameworkCore;
using StoreSite.Settings;

namespace CP.Commerce.Cart;

/// <summary>
/// Prices a cart from the database: a plan that is gone, inactive or of a product not on sale is
/// unavailable. A renewal line is priced by <see cref="IRenewalOffers"/> for the signed-in customer
/// (asked again every time); refused, or with nobody signed in, it is unavailable.
/// </summary>
public sealed class CartPricer(CommerceDbContext db, ISiteSettingsStore settings, IEnumerable<IRenewalOffers> renewals)
{
    /// <param name="customerId">The signed-in customer; null for a visitor.</param>
    public async Task<PricedCart> PriceAsync(ShoppingCart cart, string? customerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        var site = await settings.GetAsync<SiteSettings>(SiteSettings.Section, cancellationToken);
        var offers = new Dictionary<int, StoreSite.Outcome<RenewalOffer>>();
        foreach (var item in cart.Items.Where(i => i.IsRenewal))
        {
            offers[item.LicenseId!.Value] = await OfferAsync(customerId, item.LicenseId.Value, cancellationToken);
        }

        var ids = cart.Items.Select(i => i.PlanId).Concat(offers.Values.Where(o => o.Succeeded).Select(o => o.Value!.PlanId)).Distinct().ToList();
        var plans = ids.Count == 0
            ? []
            : await db.Plans.AsNoTracking()
                .Where(p => ids.Contains(p.Id))
                .Select(p => new { p.Id, p.ProductId, ProductName = p.Product!.Name, p.Product.Slug, p.Name, p.Price, p.IsActive, ProductActive = p.Product.IsActive, p.Product.IsArchived })
                .ToDictionaryAsync(p => p.Id, cancellationToken);
        var lines = cart.Items
            .Select(item =>
            {
                if (item.LicenseId is { } licenseId)
                {
                    var offer = offers[licenseId];
                    var planId = offer.Succeeded ? offer.Value!.PlanId : item.PlanId;
                    return plans.TryGetValue(planId, out var renewed)
                        ? new PricedCartLine(renewed.Id, renewed.ProductId, renewed.ProductName, renewed.Slug, renewed.Name, offer.Value?.Price ?? 0m, 1, offer.Succeeded, offer.Value, licenseId, offer.Problem)
                        : new PricedCartLine(planId, 0, "Unknown product", string.Empty, "Unknown plan", 0m, 1, IsAvailable: false, LicenseId: licenseId, Refusal: offer.Problem ?? RenewalProblems.NotOffered);
                }

                return plans.TryGetValue(item.PlanId, out var plan)
                    ? new PricedCartLine(plan.Id, plan.ProductId, plan.ProductName, plan.Slug, plan.Name, plan.Price, item.Quantity, plan.IsActive && plan.ProductActive && !plan.IsArchived)
                    : new PricedCartLine(item.PlanId, 0, "Unknown product", string.Empty, "Unknown plan", 0m, item.Quantity, IsAvailable: false);
            })
            .ToList();
        return new PricedCart(lines, site.Currency);
    }

    /// <summary>Licensing's offer for renewing the key; refused when nobody is signed in or no module offers renewals.</summary>
    public async Task<StoreSite.Outcome<RenewalOffer>> OfferAsync(string? customerId, int licenseId, CancellationToken cancellationToken)
    {
        var offers = renewals.FirstOrDefault();
        return customerId is null || offers is null
            ? StoreSite.Outcome<RenewalOffer>.Refused(RenewalProblems.NotFound)
            : await offers.OfferAsync(customerId, licenseId, cancellationToken);
    }
}
