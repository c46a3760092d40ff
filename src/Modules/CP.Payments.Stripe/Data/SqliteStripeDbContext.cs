using Microsoft.EntityFrameworkCore;
using StoreSite.Data;

namespace CP.Payments.Stripe.Data;

/// <summary>Carries the SQLite migrations of <see cref="StripeDbContext"/>.</summary>
public sealed class SqliteStripeDbContext(DbContextOptions<StripeDbContext> options, SiteDatabase? database)
    : StripeDbContext(options, database);
