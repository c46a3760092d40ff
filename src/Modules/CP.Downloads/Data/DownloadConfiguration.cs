using CP.Downloads.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CP.Downloads.Data;

/// <summary>
/// The <c>Downloads</c> table, the download log: one row per served download, removed with its release.
/// Indexed for a release's page (newest first) and for a key's recent downloads.
/// </summary>
public sealed class DownloadConfiguration : IEntityTypeConfiguration<Download>
{
    /// <summary>An IPv6 address in text, the longest form (with an IPv4 tail).</summary>
    public const int AddressMaxLength = 45;

    public const int CustomerIdMaxLength = 450;

    public const int MaskedKeyMaxLength = 100;

    public void Configure(EntityTypeBuilder<Download> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("Downloads");
        builder.Property(d => d.MaskedKey).HasMaxLength(MaskedKeyMaxLength);
        builder.Property(d => d.CustomerId).HasMaxLength(CustomerIdMaxLength);
        builder.Property(d => d.Address).HasMaxLength(AddressMaxLength);
        builder.HasOne<Release>().WithMany().HasForeignKey(d => d.ReleaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.ReleaseId, d.Id });
        builder.HasIndex(d => new { d.LicenseId, d.Id });
    }
}
