using CP.Licensing.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CP.Licensing.Data;

/// <summary>The <c>LicenseIssuedTallies</c> table (licenses issued per quarter hour), written only by the triggers on <c>Licenses</c>.</summary>
public sealed class LicenseIssuedTallyConfiguration : IEntityTypeConfiguration<LicenseIssuedTally>
{
    public void Configure(EntityTypeBuilder<LicenseIssuedTally> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("LicenseIssuedTallies");
        builder.HasKey(t => t.Quarter);
        builder.Property(t => t.Quarter).ValueGeneratedNever();
    }
}
