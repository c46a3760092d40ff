using CP.Downloads.Models;
using StoreSite.Versions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StoreSite.Files;

namespace CP.Downloads.Data;

/// <summary>The <c>Releases</c> table: one row per product version, unique per product.</summary>
public sealed class ReleaseConfiguration : IEntityTypeConfiguration<Release>
{
    public const int NotesMaxLength = 20_000;

    public const int FileNameMaxLength = 200;

    public void Configure(EntityTypeBuilder<Release> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("Releases");
        builder.Property(r => r.Version).HasMaxLength(SemanticVersion.MaxLength);
        builder.Property(r => r.Notes).HasMaxLength(NotesMaxLength);
        builder.Property(r => r.FileName).HasMaxLength(FileNameMaxLength);
        builder.Property(r => r.StoredName).HasMaxLength(StoredFileName.MaxLength);
        builder.Property(r => r.Sha256).HasMaxLength(64).IsFixedLength();
        builder.HasIndex(r => new { r.ProductId, r.Version }).IsUnique();
        builder.HasIndex(r => new { r.ProductId, r.VersionMajor, r.VersionMinor, r.VersionPatch });
    }
}
