using CP.Licensing.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CP.Licensing.Data;

/// <summary>
/// The <c>LicenseTallies</c> table (licenses per state and expiry date). Only the triggers on
/// <c>Licenses</c> write it; the migrations create them (SQL per provider, <c>LicenseTallies</c> migration).
/// </summary>
public sealed class LicenseTallyConfiguration : IEntityTypeConfiguration<LicenseTally>
{
    public void Configure(EntityTypeBuilder<LicenseTally> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("LicenseTallies");
        builder.HasKey(t => new { t.State, t.ExpirySort });
    }
}
