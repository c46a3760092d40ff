using CP.Commerce.Models;
using Microsoft.EntityFrameworkCore;
using StoreSite.Data;

namespace CP.Commerce.Data;

/// <summary>The commerce tables: products, pricing plans, orders with their lines and timeline, discount codes and their redemptions.</summary>
public class CommerceDbContext : DbContext
{
    public const string MigrationsHistoryTable = "__EFMigrationsHistory_Commerce";

    public CommerceDbContext(DbContextOptions options, SiteDatabase? database)
        : base(options)
    {
        database?.Enlist(this);
    }

    public DbSet<Product> Products => Set<Product>();

    public DbSet<PricingPlan> Plans => Set<PricingPlan>();

    public DbSet<Order> Orders => Set<Order>();

    public DbSet<OrderLine> OrderLines => Set<OrderLine>();

    public DbSet<OrderTimelineEntry> OrderTimeline => Set<OrderTimelineEntry>();

    public DbSet<Discount> Discounts => Set<Discount>();

    public DbSet<DiscountRedemption> DiscountRedemptions => Set<DiscountRedemption>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfiguration(new ProductConfiguration());
        modelBuilder.ApplyConfiguration(new PricingPlanConfiguration());
        modelBuilder.ApplyConfiguration(new OrderConfiguration());
        modelBuilder.ApplyConfiguration(new OrderLineConfiguration());
        modelBuilder.ApplyConfiguration(new OrderTimelineEntryConfiguration());
        modelBuilder.ApplyConfiguration(new DiscountConfiguration());
        modelBuilder.ApplyConfiguration(new DiscountProductConfiguration());
        modelBuilder.ApplyConfiguration(new DiscountPlanConfiguration());
        modelBuilder.ApplyConfiguration(new DiscountRedemptionConfiguration());
    }
}
