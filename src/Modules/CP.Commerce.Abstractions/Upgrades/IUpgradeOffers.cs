using StoreSite;

namespace CP.Commerce.Upgrades;

/// <summary>
/// What upgrading one of a customer's license keys to a bigger plan of its product would sell
/// (implemented by the licensing module). Commerce asks it when an upgrade is put in the cart and
/// again each time the cart is priced, so a key revoked or a plan changed meanwhile is never sold on an
/// old answer.
/// </summary>
public interface IUpgradeOffers
{
    /// <summary>
    /// Every upgrade the key can take now, cheapest first, or an <see cref="UpgradeProblems"/> code
    /// (<see cref="UpgradeProblems.NotFound"/> for a key that is not theirs). An empty list: no bigger plan is on sale.
    /// </summary>
    Task<Outcome<IReadOnlyList<UpgradeOffer>>> OffersAsync(string customerId, int licenseId, CancellationToken cancellationToken);

    /// <summary>The upgrade of the key to <paramref name="planId"/>, or why not (<see cref="UpgradeProblems.NotOffered"/> for a plan that is not an upgrade of it).</summary>
    Task<Outcome<UpgradeOffer>> OfferAsync(string customerId, int licenseId, int planId, CancellationToken cancellationToken);
}
