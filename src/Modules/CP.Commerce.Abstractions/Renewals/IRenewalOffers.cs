using StoreSite;

namespace CP.Commerce.Renewals;

/// <summary>
/// What renewing one of a customer's license keys would sell (implemented by the licensing module).
/// Commerce asks it when a renewal is put in the cart and again each time the cart is priced, so a
/// key revoked or a plan changed meanwhile is never sold on an old answer.
/// </summary>
public interface IRenewalOffers
{
    /// <summary>
    /// The offer for <paramref name="licenseId"/> of <paramref name="customerId"/>, or a
    /// <see cref="RenewalProblems"/> code (<see cref="RenewalProblems.NotFound"/> for a key that is
    /// not theirs).
    /// </summary>
    Task<Outcome<RenewalOffer>> OfferAsync(string customerId, int licenseId, CancellationToken cancellationToken);
}
