using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using StoreSite.Data;

namespace StoreSite.Web.Data;

/// <summary>The host's tables: accounts and roles (Identity), sign-in sessions, site settings, module states, Data Protection keys.</summary>
public class StoreSiteDbContext : IdentityDbContext<StoreUser>
{
    public const string MigrationsHistoryTable = "__EFMigrationsHistory_Host";

    public StoreSiteDbContext(DbContextOptions options, SiteDatabase? database)
        : base(options)
    {
        database?.Enlist(this);
    }

    public DbSet<SiteSettingRecord> SiteSettings => Set<SiteSettingRecord>();

    public DbSet<ModuleStateRecord> ModuleStates => Set<ModuleStateRecord>();

    public DbSet<DataProtectionKeyRecord> DataProtectionKeys => Set<DataProtectionKeyRecord>();

    public DbSet<SignInSessionRecord> SignInSessions => Set<SignInSessionRecord>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<StoreUser>().HasIndex(u => u.CreatedAt);

        builder.Entity<SiteSettingRecord>(entity =>
        {
            entity.ToTable("SiteSettings");
            entity.HasKey(s => s.Section);
            entity.Property(s => s.Section).HasMaxLength(100);
        });

        builder.Entity<ModuleStateRecord>(entity =>
        {
            entity.ToTable("ModuleStates");
            entity.HasKey(m => m.ModuleId);
            entity.Property(m => m.ModuleId).HasMaxLength(100);
            entity.Property(m => m.ChangedBy).HasMaxLength(256);
        });

        builder.Entity<DataProtectionKeyRecord>(entity =>
        {
            entity.ToTable("DataProtectionKeys");
            entity.Property(k => k.FriendlyName).HasMaxLength(200);
            entity.HasIndex(k => k.FriendlyName).IsUnique();
        });

        builder.Entity<SignInSessionRecord>(entity =>
        {
            entity.ToTable("SignInSessions");
            entity.HasKey(s => s.Id);
            entity.Property(s => s.Id).HasMaxLength(64);
            entity.Property(s => s.UserId).HasMaxLength(450);
            entity.HasIndex(s => s.UserId);
            entity.HasIndex(s => s.ExpiresAt);
        });
    }
}
