using CP.Commerce.Catalog;
using CP.Commerce.Renewals;
using CP.Licensing.Data;
using CP.Licensing.Keys;
using CP.Licensing.Models;
using Microsoft.EntityFrameworkCore;
using StoreSite;

namespace CP.Licensing.Lifecycle;

/// <summary>
/// Answers what renewing a customer's key would sell: the key's plan, its renewal price (the plan's
/// price unless the plan names one) and the expiry a payment today would give. Refused for another
/// customer's key, a Lifetime, revoked or suspended key, and a plan without renewals. An expired key
/// can be renewed.
/// </summary>
public sealed class RenewalOffers(LicensingDbContext db, IProductCatalog catalog, TimeProvider clock) : IRenewalOffers
{
    /// <summary>The plans whose keys can be renewed (renewals on, a validity that is not Lifetime), for the pages that show "Renew".</summary>
    public static IQueryable<int> RenewablePlanIds(LicensingDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.PlanLicensingSettings.Where(p => p.RenewalEnabled && p.ValidityUnit != LicenseValidityUnit.Lifetime).Select(p => p.PlanId);
    }

    public async Task<Outcome<RenewalOffer>> OfferAsync(string customerId, int licenseId, CancellationToken cancellationToken)
    {
        var license = await db.Licenses.AsNoTracking()
            .Where(l => l.Id == licenseId && l.CustomerId == customerId)
            .Select(l => new { l.Key, l.PlanId, l.ExpiresOn, Revoked = l.RevokedAt != null, Suspended = l.SuspendedAt != null })
            .FirstOrDefaultAsync(cancellationToken);
        if (license is null)
        {
            return Outcome<RenewalOffer>.Refused(RenewalProblems.NotFound);
        }

        if (license.Revoked)
        {
            return Outcome<RenewalOffer>.Refused(RenewalProblems.Revoked);
        }

        if (license.Suspended)
        {
            return Outcome<RenewalOffer>.Refused(RenewalProblems.Suspended);
        }

        if (license.ExpiresOn is not { } expiresOn)
        {
            return Outcome<RenewalOffer>.Refused(RenewalProblems.Lifetime);
        }

        var plan = license.PlanId is { } planId
            ? await db.PlanLicensingSettings.AsNoTracking().FirstOrDefaultAsync(p => p.PlanId == planId, cancellationToken)
            : null;
        var sold = plan is { OffersRenewal: true } ? await catalog.FindPlanAsync(plan.PlanId, cancellationToken) : null;
        if (plan is null || sold is null)
        {
            return Outcome<RenewalOffer>.Refused(RenewalProblems.NotOffered);
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var newExpiry = new LicenseValidity(plan.ValidityUnit, plan.ValidityValue).RenewedExpiry(expiresOn, today)!.Value;
        return Outcome<RenewalOffer>.Done(new RenewalOffer(licenseId, plan.PlanId, LicenseKeys.Mask(license.Key), plan.RenewalPrice ?? sold.Price, newExpiry));
    }
}
