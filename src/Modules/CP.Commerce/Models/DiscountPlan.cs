namespace CP.Commerce.Models;

/// <summary>A plan a discount code is limited to (besides or instead of whole products).</summary>
public sealed class DiscountPlan
{
    public int DiscountId { get; set; }

    public int PlanId { get; set; }
}
