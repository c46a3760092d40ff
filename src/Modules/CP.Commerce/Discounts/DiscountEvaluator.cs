using CP.Commerce.Data;
using CP.Commerce.Models;
using Microsoft.EntityFrameworkCore;
using StoreSite;
using StoreSite.Settings;

namespace CP.Commerce.Discounts;

/// <summary>
/// Finds the discount a customer typed and says whether it can be used now, before the cart's lines
/// are looked at: known, active, between its valid days (the store's time zone), not used up in all
/// or by this customer. Refusals are <see cref="DiscountProblems"/> codes. The counts read here only
/// inform the cart; checkout's <see cref="DiscountRedemptions.RedeemAsync"/> holds them in the database.
/// </summary>
public sealed class DiscountEvaluator(CommerceDbContext db, ISiteSettingsStore settings, TimeProvider clock)
{
    /// <param name="customerId">The signed-in customer, for the per-customer limit; null for a visitor (checked at checkout).</param>
    public async Task<Outcome<Discount>> FindAsync(string? code, string? customerId, CancellationToken cancellationToken)
    {
        var normalized = DiscountCode.Normalize(code);
        var discount = normalized is null
            ? null
            : await db.Discounts.AsNoTracking().Include(d => d.Products).Include(d => d.Plans).AsSplitQuery().FirstOrDefaultAsync(d => d.Code == normalized, cancellationToken);
        if (discount is null)
        {
            return Outcome<Discount>.Refused(DiscountProblems.Unknown);
        }

        var site = await settings.GetAsync<SiteSettings>(SiteSettings.Section, cancellationToken);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), SiteDates.ZoneOf(site.TimeZone)).DateTime);
        var problem = !discount.IsActive ? DiscountProblems.Inactive
            : discount.ValidFrom is { } from && today < from ? DiscountProblems.NotYetValid
            : discount.ValidUntil is { } until && today > until ? DiscountProblems.Expired
            : discount.MaxRedemptions > 0 && discount.Redeemed >= discount.MaxRedemptions ? DiscountProblems.UsedUp
            : customerId is not null && discount.MaxPerCustomer > 0 && await CountForAsync(db, discount.Id, customerId, cancellationToken) >= discount.MaxPerCustomer ? DiscountProblems.UsedUpForCustomer
            : null;
        return problem is null ? Outcome<Discount>.Done(discount) : Outcome<Discount>.Refused(problem);
    }

    /// <summary>How many orders of the customer hold the code now (redemptions not given back).</summary>
    public static Task<int> CountForAsync(CommerceDbContext db, int discountId, string customerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.DiscountRedemptions.CountAsync(r => r.DiscountId == discountId && r.CustomerId == customerId && r.ReleasedAt == null, cancellationToken);
    }
}
