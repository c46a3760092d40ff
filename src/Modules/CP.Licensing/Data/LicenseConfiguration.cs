using CP.Licensing.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CP.Licensing.Data;

/// <summary>
/// The <c>Licenses</c> table. The database holds the invariants: one row per key, one key per order
/// line unit, and never more Activations Used than Max Activations (0 is unlimited).
/// </summary>
public sealed class LicenseConfiguration : IEntityTypeConfiguration<License>
{
    public const int KeyMaxLength = 64;
    public const int ProductNameMaxLength = 300;
    public const int EmailMaxLength = 256;
    public const int ReasonMaxLength = 500;

    public void Configure(EntityTypeBuilder<License> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("Licenses", table =>
        {
            table.HasCheckConstraint("CK_Licenses_MaxActivations", "\"MaxActivations\" >= 0");
            table.HasCheckConstraint("CK_Licenses_ActivationsUsed", "\"ActivationsUsed\" >= 0 AND (\"MaxActivations\" = 0 OR \"ActivationsUsed\" <= \"MaxActivations\")");
        });
        builder.Property(l => l.Key).HasMaxLength(KeyMaxLength);
        builder.Property(l => l.CustomerId).HasMaxLength(450);
        builder.Property(l => l.CustomerEmail).HasMaxLength(EmailMaxLength);
        builder.Property(l => l.ProductName).HasMaxLength(ProductNameMaxLength);
        builder.Property(l => l.OrderNumber).HasMaxLength(64);
        builder.Property(l => l.RevokedBy).HasMaxLength(EmailMaxLength);
        builder.Property(l => l.RevocationReason).HasMaxLength(ReasonMaxLength);
        builder.Ignore(l => l.IsLifetime);

        builder.HasIndex(l => l.Key).IsUnique();
        builder.HasIndex(l => l.CustomerId);
        builder.HasIndex(l => l.CustomerEmail);
        builder.HasIndex(l => l.ProductName);
        builder.HasIndex(l => new { l.RevokedAt, l.ExpiresOn });
        builder.HasIndex(l => l.IssuedAt);
        builder.HasIndex(l => new { l.OrderNumber, l.LineNumber, l.UnitIndex }).IsUnique();

        builder.HasMany(l => l.Activations).WithOne().HasForeignKey(a => a.LicenseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(l => l.Events).WithOne().HasForeignKey(e => e.LicenseId).OnDelete(DeleteBehavior.Cascade);
    }
}
