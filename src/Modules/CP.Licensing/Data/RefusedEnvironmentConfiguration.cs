using CP.Licensing.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CP.Licensing.Data;

/// <summary>The <c>RefusedEnvironments</c> table: one row per license, day and refused domain.</summary>
public sealed class RefusedEnvironmentConfiguration : IEntityTypeConfiguration<RefusedEnvironment>
{
    public void Configure(EntityTypeBuilder<RefusedEnvironment> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("RefusedEnvironments");
        builder.Property(r => r.Domain).HasMaxLength(LicenseActivationConfiguration.DomainMaxLength);
        builder.Property(r => r.Ip).HasMaxLength(LicenseActivationConfiguration.IpMaxLength);
        builder.HasIndex(r => new { r.LicenseId, r.Day, r.Domain }).IsUnique();
        builder.HasOne<License>().WithMany().HasForeignKey(r => r.LicenseId).OnDelete(DeleteBehavior.Cascade);
    }
}
