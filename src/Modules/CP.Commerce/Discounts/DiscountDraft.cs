using CP.Commerce.Models;

namespace CP.Commerce.Discounts;

/// <summary>A discount code as the admin form or the recipe step gives it, before <see cref="DiscountWriter"/> checks and saves it.</summary>
/// <param name="Code">As typed; stored normalized (<see cref="DiscountCode.Normalize"/>).</param>
/// <param name="Value">The percent (1 to 100) or the amount off the order, by <paramref name="Kind"/>.</param>
/// <param name="ProductIds">The products the code is for (any of their plans); empty with <paramref name="PlanIds"/> = every product.</param>
/// <param name="PlanIds">The plans the code is for, besides <paramref name="ProductIds"/>; empty with them = every product.</param>
public sealed record DiscountDraft(
    string? Code,
    DiscountKind Kind,
    decimal? Value,
    DiscountAppliesTo AppliesTo,
    IReadOnlyCollection<int> ProductIds,
    IReadOnlyCollection<int> PlanIds,
    DateOnly? ValidFrom,
    DateOnly? ValidUntil,
    int MaxRedemptions,
    int MaxPerCustomer,
    bool IsActive);
