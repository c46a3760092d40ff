namespace CP.Commerce.Models;

/// <summary>Which lines a discount code counts for: every line, new purchases only, or renewals only (upgrades count only for <see cref="All"/>).</summary>
public enum DiscountAppliesTo
{
    All,

    New,

    Renewals,
}
