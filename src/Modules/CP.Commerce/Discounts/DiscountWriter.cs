using CP.Commerce.Data;
using CP.Commerce.Models;
using CP.Commerce.Services;
using Microsoft.EntityFrameworkCore;
using StoreSite.Settings;

namespace CP.Commerce.Discounts;

/// <summary>
/// Checks and saves discount codes for Admin -> Discounts and the <c>Discounts</c> recipe step, by
/// one set of rules: the code's shape and that no other code is the same in any case, a percent of
/// 1 to 100 or an amount exact to the store currency's minor unit, known products and plans, an end not before
/// the start, limits of 0 (unlimited) to <see cref="MaxLimit"/>, and a total not below what is
/// already redeemed.
/// </summary>
public sealed class DiscountWriter(CommerceDbContext db, ISiteSettingsStore settings, TimeProvider clock)
{
    /// <summary>The highest maximum of redemptions (in all or per customer).</summary>
    public const int MaxLimit = 1_000_000;

    private static readonly string LimitProblem = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Enter 0 (unlimited) or a number up to {MaxLimit:N0}.");

    /// <summary>The most products one code may be limited to.</summary>
    public const int MaxProducts = 500;

    /// <summary>The most plans one code may be limited to.</summary>
    public const int MaxPlans = 500;

    /// <summary>What is wrong with <paramref name="draft"/> (empty when it can be saved); <paramref name="existing"/> is the code being edited.</summary>
    public async Task<IReadOnlyList<DiscountField>> CheckAsync(DiscountDraft draft, Discount? existing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var problems = new List<DiscountField>();
        var code = DiscountCode.Normalize(draft.Code);
        if (string.IsNullOrWhiteSpace(draft.Code))
        {
            problems.Add(new(DiscountField.Code, "Enter the code customers type in the cart."));
        }
        else if (code is null)
        {
            problems.Add(new(DiscountField.Code, "The code must be " + DiscountCode.Rule));
        }
        else if (await db.Discounts.AnyAsync(d => d.Code == code && (existing == null || d.Id != existing.Id), cancellationToken))
        {
            problems.Add(new(DiscountField.Code, $"The code {code} already exists (codes are the same in upper and lower case)."));
        }

        if (!Enum.IsDefined(draft.AppliesTo))
        {
            problems.Add(new(DiscountField.AppliesTo, "Choose new purchases, renewals, or both."));
        }

        if (!Enum.IsDefined(draft.Kind))
        {
            problems.Add(new(DiscountField.Kind, "Choose a percent or a fixed amount."));
        }
        else if (draft.Kind == DiscountKind.Percent)
        {
            if (draft.Value is not { } percent || percent < 1 || percent > 100 || decimal.Truncate(percent) != percent)
            {
                problems.Add(new(DiscountField.Percent, "Enter a whole percent from 1 to 100."));
            }
        }
        else
        {
            var currency = (await settings.GetAsync<SiteSettings>(SiteSettings.Section, cancellationToken)).Currency;
            var units = Money.MinorUnits(currency);
            if (draft.Value is not { } amount || amount <= 0 || amount > Money.MaxPrice)
            {
                problems.Add(new(DiscountField.Amount, $"Enter an amount above 0 and at most {Money.Format(Money.MaxPrice, currency)}."));
            }
            else if (decimal.Round(amount, Math.Min(units, 2)) != amount)
            {
                problems.Add(new(DiscountField.Amount, units == 0
                    ? $"Enter a whole amount: {currency} has no minor unit."
                    : $"Use at most {Math.Min(units, 2)} decimals for {currency}."));
            }
        }

        if (draft.ValidFrom is { } from && draft.ValidUntil is { } until && until < from)
        {
            problems.Add(new(DiscountField.ValidUntil, "The last valid day cannot be before the first."));
        }

        if (draft.MaxRedemptions is < 0 or > MaxLimit)
        {
            problems.Add(new(DiscountField.MaxRedemptions, LimitProblem));
        }
        else if (existing is not null && draft.MaxRedemptions != 0 && draft.MaxRedemptions < existing.Redeemed)
        {
            problems.Add(new(DiscountField.MaxRedemptions, $"The code is already used in {existing.Redeemed} orders: enter at least that, or 0 (unlimited)."));
        }

        if (draft.MaxPerCustomer is < 0 or > MaxLimit)
        {
            problems.Add(new(DiscountField.MaxPerCustomer, LimitProblem));
        }

        var ids = draft.ProductIds.Distinct().ToList();
        if (ids.Count > MaxProducts)
        {
            problems.Add(new(DiscountField.ProductIds, $"Choose at most {MaxProducts} products, or none for every product."));
        }
        else if (ids.Count > 0 && await db.Products.CountAsync(p => ids.Contains(p.Id), cancellationToken) != ids.Count)
        {
            problems.Add(new(DiscountField.ProductIds, "One of the chosen products does not exist any more."));
        }

        var planIds = draft.PlanIds.Distinct().ToList();
        if (planIds.Count > MaxPlans)
        {
            problems.Add(new(DiscountField.PlanIds, $"Choose at most {MaxPlans} plans, or none."));
        }
        else if (planIds.Count > 0 && await db.Plans.CountAsync(p => planIds.Contains(p.Id), cancellationToken) != planIds.Count)
        {
            problems.Add(new(DiscountField.PlanIds, "One of the chosen plans does not exist any more."));
        }

        return problems;
    }

    /// <summary>Saves a checked <paramref name="draft"/> as a new code, or over <paramref name="existing"/> (tracked, with its products and plans).</summary>
    public async Task<Discount> SaveAsync(DiscountDraft draft, Discount? existing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var discount = existing ?? new Discount { Code = string.Empty, CreatedAt = clock.GetUtcNow() };
        discount.Code = DiscountCode.Normalize(draft.Code) ?? throw new ArgumentException("The draft was not checked.", nameof(draft));
        discount.Kind = draft.Kind;
        discount.Percent = draft.Kind == DiscountKind.Percent ? (int)draft.Value!.Value : 0;
        discount.Amount = draft.Kind == DiscountKind.Amount ? draft.Value!.Value : 0;
        discount.AppliesTo = draft.AppliesTo;
        discount.ValidFrom = draft.ValidFrom;
        discount.ValidUntil = draft.ValidUntil;
        discount.MaxRedemptions = draft.MaxRedemptions;
        discount.MaxPerCustomer = draft.MaxPerCustomer;
        discount.IsActive = draft.IsActive;
        var ids = draft.ProductIds.Distinct().Order().ToList();
        discount.Products.RemoveAll(p => !ids.Contains(p.ProductId));
        discount.Products.AddRange(ids.Where(id => discount.Products.All(p => p.ProductId != id)).Select(id => new DiscountProduct { ProductId = id }));
        var planIds = draft.PlanIds.Distinct().Order().ToList();
        discount.Plans.RemoveAll(p => !planIds.Contains(p.PlanId));
        discount.Plans.AddRange(planIds.Where(id => discount.Plans.All(p => p.PlanId != id)).Select(id => new DiscountPlan { PlanId = id }));
        if (existing is null)
        {
            db.Discounts.Add(discount);
        }

        await db.SaveChangesAsync(cancellationToken);
        return discount;
    }
}
