using CP.Payments.Stripe.Models;
using Microsoft.EntityFrameworkCore;
using StoreSite.Data;

namespace CP.Payments.Stripe.Data;

/// <summary>The Stripe module's tables: the Checkout Sessions it created and the webhook events it received.</summary>
public class StripeDbContext : DbContext
{
    public const string MigrationsHistoryTable = "__EFMigrationsHistory_Stripe";

    public StripeDbContext(DbContextOptions options, SiteDatabase? database)
        : base(options)
    {
        database?.Enlist(this);
    }

    public DbSet<StripeCheckoutSession> CheckoutSessions => Set<StripeCheckoutSession>();

    public DbSet<StripeEvent> Events => Set<StripeEvent>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfiguration(new StripeCheckoutSessionConfiguration());
        modelBuilder.ApplyConfiguration(new StripeEventConfiguration());
    }
}
