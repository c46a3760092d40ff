using CP.Downloads.Models;
using Microsoft.EntityFrameworkCore;
using StoreSite.Data;

namespace CP.Downloads.Data;

/// <summary>The downloads tables: the products' releases and the download log.</summary>
public class DownloadsDbContext : DbContext
{
    public const string MigrationsHistoryTable = "__EFMigrationsHistory_Downloads";

    public DownloadsDbContext(DbContextOptions options, SiteDatabase? database)
        : base(options)
    {
        database?.Enlist(this);
    }

    public DbSet<Release> Releases => Set<Release>();

    public DbSet<Download> Downloads => Set<Download>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfiguration(new ReleaseConfiguration());
        modelBuilder.ApplyConfiguration(new DownloadConfiguration());
    }
}
