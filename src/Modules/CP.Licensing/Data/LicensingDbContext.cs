using CP.Licensing.Models;
using Microsoft.EntityFrameworkCore;
using StoreSite.Data;

namespace CP.Licensing.Data;

/// <summary>The licensing tables: licenses, their environments and history, per-plan licensing settings, paid renewals, renewal reminders sent and the customers who want none.</summary>
public class LicensingDbContext : DbContext
{
    public const string MigrationsHistoryTable = "__EFMigrationsHistory_Licensing";

    public LicensingDbContext(DbContextOptions options, SiteDatabase? database)
        : base(options)
    {
        database?.Enlist(this);
    }

    public DbSet<License> Licenses => Set<License>();

    public DbSet<LicenseActivation> LicenseActivations => Set<LicenseActivation>();

    public DbSet<LicenseEvent> LicenseEvents => Set<LicenseEvent>();

    public DbSet<PlanLicensingSettings> PlanLicensingSettings => Set<PlanLicensingSettings>();

    public DbSet<RefusedEnvironment> RefusedEnvironments => Set<RefusedEnvironment>();

    public DbSet<LicenseRenewal> LicenseRenewals => Set<LicenseRenewal>();

    public DbSet<LicenseUpgrade> LicenseUpgrades => Set<LicenseUpgrade>();

    public DbSet<RenewalReminder> RenewalReminders => Set<RenewalReminder>();

    public DbSet<ReminderOptOut> ReminderOptOuts => Set<ReminderOptOut>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfiguration(new LicenseConfiguration());
        modelBuilder.ApplyConfiguration(new LicenseActivationConfiguration());
        modelBuilder.ApplyConfiguration(new LicenseEventConfiguration());
        modelBuilder.ApplyConfiguration(new PlanLicensingSettingsConfiguration());
        modelBuilder.ApplyConfiguration(new RefusedEnvironmentConfiguration());
        modelBuilder.ApplyConfiguration(new LicenseRenewalConfiguration());
        modelBuilder.ApplyConfiguration(new LicenseUpgradeConfiguration());
        modelBuilder.ApplyConfiguration(new RenewalReminderConfiguration());
        modelBuilder.ApplyConfiguration(new ReminderOptOutConfiguration());
    }
}
