using CP.Commerce.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CP.Commerce.Data;

/// <summary>The plans a discount code is limited to: one row per (discount, plan).</summary>
public sealed class DiscountPlanConfiguration : IEntityTypeConfiguration<DiscountPlan>
{
    public void Configure(EntityTypeBuilder<DiscountPlan> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("DiscountPlans");
        builder.HasKey(p => new { p.DiscountId, p.PlanId });
        builder.HasIndex(p => p.PlanId);
        builder.HasOne<PricingPlan>().WithMany().HasForeignKey(p => p.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}
