using CP.Commerce.Data;
using CP.Commerce.Discounts;
using CP.Commerce.Renewals;
using CP.Commerce.Upgrades;
using Microsoft.EntityFrameworkCore;
using StoreSite.Settings;

namespace CP.Commerce.Cart;

/// <summary>
/// Prices a cart from the database: a plan that is gone, inactive or of a product not on sale is
/// unavailable. A renewal line is priced by <see cref="IRenewalOffers"/> for the signed-in customer
/// (asked again every time), an upgrade line by <see cref="IUpgradeOffers"/>; refused, or with nobody
/// signed in, it is unavailable. A discount code kept with the cart is checked again each time
/// (<see cref="DiscountEvaluator"/>) and spread over the lines it covers (<see cref="DiscountShares"/>).
/// </summary>
public sealed class CartPricer(CommerceDbContext db, ISiteSettingsStore settings, IEnumerable<IRenewalOffers> renewals, IEnumerable<IUpgradeOffers> upgrades, DiscountEvaluator discounts)
{
    /// <param name="customerId">The signed-in customer; null for a visitor.</param>
    public async Task<PricedCart> PriceAsync(ShoppingCart cart, string? customerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        var site = await settings.GetAsync<SiteSettings>(SiteSettings.Section, cancellationToken);
        var offers = new Dictionary<int, StoreSite.Outcome<RenewalOffer>>();
        var upgradeOffers = new Dictionary<int, StoreSite.Outcome<UpgradeOffer>>();
        foreach (var item in cart.Items.Where(i => i.IsKeyLine))
        {
            if (item.IsUpgrade)
            {
                upgradeOffers[item.LicenseId!.Value] = await UpgradeOfferAsync(customerId, item.LicenseId.Value, item.PlanId, cancellationToken);
            }
            else
            {
                offers[item.LicenseId!.Value] = await OfferAsync(customerId, item.LicenseId.Value, cancellationToken);
            }
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
                if (item.IsUpgrade)
                {
                    var upgrade = upgradeOffers[item.LicenseId!.Value];
                    return plans.TryGetValue(item.PlanId, out var target)
                        ? new PricedCartLine(target.Id, target.ProductId, target.ProductName, target.Slug, target.Name, upgrade.Value?.Price ?? 0m, 1, upgrade.Succeeded, LicenseId: item.LicenseId, Refusal: upgrade.Problem, Upgrade: upgrade.Value, IsUpgrade: true)
                        : new PricedCartLine(item.PlanId, 0, "Unknown product", string.Empty, "Unknown plan", 0m, 1, IsAvailable: false, LicenseId: item.LicenseId, Refusal: upgrade.Problem ?? UpgradeProblems.NotOffered, IsUpgrade: true);
                }

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
        return cart.DiscountCode is { } code && lines.Count > 0
            ? await DiscountAsync(lines, site.Currency, code, customerId, cancellationToken)
            : new PricedCart(lines, site.Currency);
    }

    /// <summary>
    /// The lines with the code's discount on those it covers (available, of its products or plans if it
    /// names some, of its kinds); refused when the code cannot be used now or covers no line.
    /// </summary>
    private async Task<PricedCart> DiscountAsync(List<PricedCartLine> lines, string currency, string code, string? customerId, CancellationToken cancellationToken)
    {
        var found = await discounts.FindAsync(code, customerId, cancellationToken);
        if (found.Value is not { } discount)
        {
            return new PricedCart(lines, currency, code, found.Problem);
        }

        var subtotals = lines
            .Select(l => l.IsAvailable && DiscountShares.Covers(discount, l.Kind, l.ProductId, l.PlanId) ? l.Subtotal : (decimal?)null)
            .ToList();
        var shares = DiscountShares.For(discount, subtotals, currency);
        if (shares.All(s => s == 0))
        {
            return new PricedCart(lines, currency, code, DiscountProblems.NotForTheseItems);
        }

        return new PricedCart([.. lines.Select((l, i) => l with { Discount = shares[i] })], currency, code, DiscountId: discount.Id);
    }

    /// <summary>Licensing's offer for upgrading the key to plan <paramref name="planId"/>; refused when nobody is signed in or no module offers upgrades.</summary>
    public async Task<StoreSite.Outcome<UpgradeOffer>> UpgradeOfferAsync(string? customerId, int licenseId, int planId, CancellationToken cancellationToken)
    {
        var offers = upgrades.FirstOrDefault();
        return customerId is null || offers is null
            ? StoreSite.Outcome<UpgradeOffer>.Refused(UpgradeProblems.NotFound)
            : await offers.OfferAsync(customerId, licenseId, planId, cancellationToken);
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
