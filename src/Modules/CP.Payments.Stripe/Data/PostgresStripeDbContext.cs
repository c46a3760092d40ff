using Microsoft.EntityFrameworkCore;
using StoreSite.Data;

namespace CP.Payments.Stripe.Data;

/// <summary>Carries the PostgreSQL migrations of <see cref="StripeDbContext"/>.</summary>
public sealed class PostgresStripeDbContext(DbContextOptions<StripeDbContext> options, SiteDatabase? database)
    : StripeDbContext(options, database);
