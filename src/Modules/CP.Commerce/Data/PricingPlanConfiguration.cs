using CP.Commerce.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CP.Commerce.Data;

/// <summary>Pricing plans: exact decimal prices with two decimals.</summary>
public sealed class PricingPlanConfiguration : IEntityTypeConfiguration<PricingPlan>
{
    public const int NameLength = 100;

    public void Configure(EntityTypeBuilder<PricingPlan> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("PricingPlans");
        builder.Property(p => p.Name).HasMaxLength(NameLength);
        builder.Property(p => p.Price).HasPrecision(18, 2);
        builder.HasIndex(p => new { p.ProductId, p.Position });
    }
}
