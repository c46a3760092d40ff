using CP.Licensing.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CP.Licensing.Data;

/// <summary>The <c>LicenseActivations</c> table: one row per environment of a license.</summary>
public sealed class LicenseActivationConfiguration : IEntityTypeConfiguration<LicenseActivation>
{
    public const int DomainMaxLength = 253;
    public const int IpMaxLength = 45;

    public void Configure(EntityTypeBuilder<LicenseActivation> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("LicenseActivations");
        builder.Property(a => a.Domain).HasMaxLength(DomainMaxLength);
        builder.Property(a => a.Ip).HasMaxLength(IpMaxLength);
        builder.HasIndex(a => new { a.LicenseId, a.Domain, a.Ip }).IsUnique();
        builder.HasIndex(a => new { a.LicenseId, a.Ip });
    }
}
