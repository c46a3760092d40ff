using CP.Licensing.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CP.Licensing.Data;

/// <summary>The <c>RenewalReminders</c> table: its key (license, expiry, offset) is what makes each reminder go out once.</summary>
public sealed class RenewalReminderConfiguration : IEntityTypeConfiguration<RenewalReminder>
{
    public void Configure(EntityTypeBuilder<RenewalReminder> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("RenewalReminders");
        builder.HasKey(r => new { r.LicenseId, r.ExpiresOn, r.OffsetDays });
        builder.HasOne<License>().WithMany().HasForeignKey(r => r.LicenseId).OnDelete(DeleteBehavior.Cascade);
    }
}
