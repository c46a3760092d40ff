using CP.Commerce.Catalog;
using CP.Commerce.Upgrades;
using CP.Licensing.Data;
using CP.Licensing.Keys;
using CP.Licensing.Models;
using Microsoft.EntityFrameworkCore;
using StoreSite;

namespace CP.Licensing.Lifecycle;

/// <summary>
/// Answers which bigger plans a customer's key can move to: the active plans of the key's product,
/// on sale and issuing keys, with more activations than the key has now (or unlimited), each for the
/// difference between the two plans' prices (never below zero). Refused for another customer's key,
/// a revoked, suspended or expired key (renewed first); a key sold in no plan has no upgrade.
/// </summary>
public sealed class UpgradeOffers(LicensingDbContext db, IProductCatalog catalog, TimeProvider clock) : IUpgradeOffers
{
    public async Task<Outcome<IReadOnlyList<UpgradeOffer>>> OffersAsync(string customerId, int licenseId, CancellationToken cancellationToken)
    {
        var license = await db.Licenses.AsNoTracking()
            .Where(l => l.Id == licenseId && l.CustomerId == customerId)
            .Select(l => new Key(l.Key, l.PlanId, l.ExpiresOn, l.MaxActivations, l.RevokedAt != null, l.SuspendedAt != null))
            .FirstOrDefaultAsync(cancellationToken);
        var problem = license is null ? UpgradeProblems.NotFound
            : license.Revoked ? UpgradeProblems.Revoked
            : license.Suspended ? UpgradeProblems.Suspended
            : license.ExpiresOn is { } expiry && DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime) > expiry ? UpgradeProblems.Expired
            : null;
        if (problem is not null)
        {
            return Outcome<IReadOnlyList<UpgradeOffer>>.Refused(problem);
        }

        var current = license!.PlanId is { } planId ? await catalog.FindPlanAsync(planId, cancellationToken) : null;
        if (current is null || license.MaxActivations == 0)
        {
            return Outcome<IReadOnlyList<UpgradeOffer>>.Done([]);
        }

        var plans = (await catalog.ListProductPlansAsync(current.ProductId, cancellationToken))
            .Where(p => p.PlanId != current.PlanId && p.IsActive && p.ProductIsActive)
            .ToList();
        var ids = plans.Select(p => p.PlanId).ToList();
        var settings = await db.PlanLicensingSettings.AsNoTracking()
            .Where(s => ids.Contains(s.PlanId) && s.IssueLicense)
            .ToDictionaryAsync(s => s.PlanId, cancellationToken);
        var masked = LicenseKeys.Mask(license.Value);
        IReadOnlyList<UpgradeOffer> offers = plans
            .Where(p => settings.TryGetValue(p.PlanId, out var s) && IsBigger(s.MaxActivations, license.MaxActivations))
            .Select(p => new UpgradeOffer(
                licenseId,
                current.PlanName,
                p.PlanId,
                p.PlanName,
                masked,
                Price(p.Price, current.Price),
                settings[p.PlanId].MaxActivations,
                license.ExpiresOn is not null && settings[p.PlanId].ValidityUnit == LicenseValidityUnit.Lifetime))
            .OrderBy(o => o.Price).ThenBy(o => o.MaxActivations == 0).ThenBy(o => o.MaxActivations)
            .ToList();
        return Outcome<IReadOnlyList<UpgradeOffer>>.Done(offers);
    }

    public async Task<Outcome<UpgradeOffer>> OfferAsync(string customerId, int licenseId, int planId, CancellationToken cancellationToken)
    {
        var offers = await OffersAsync(customerId, licenseId, cancellationToken);
        if (!offers.Succeeded)
        {
            return Outcome<UpgradeOffer>.Refused(offers.Problem!);
        }

        return offers.Value!.FirstOrDefault(o => o.PlanId == planId) is { } offer
            ? Outcome<UpgradeOffer>.Done(offer)
            : Outcome<UpgradeOffer>.Refused(UpgradeProblems.NotOffered);
    }

    /// <summary>Whether a plan of <paramref name="target"/> activations is bigger than a key of <paramref name="current"/> (0 is unlimited).</summary>
    public static bool IsBigger(int target, int current) => current != 0 && (target == 0 || target > current);

    /// <summary>What moving from a plan of price <paramref name="current"/> to one of price <paramref name="target"/> costs: the difference, never below zero.</summary>
    public static decimal Price(decimal target, decimal current) => Math.Max(0m, target - current);

    private sealed record Key(string Value, int? PlanId, DateOnly? ExpiresOn, int MaxActivations, bool Revoked, bool Suspended);
}
