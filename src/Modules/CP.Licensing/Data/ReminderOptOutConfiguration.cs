using CP.Licensing.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CP.Licensing.Data;

/// <summary>The <c>ReminderOptOuts</c> table: one row per customer who wants no renewal reminders.</summary>
public sealed class ReminderOptOutConfiguration : IEntityTypeConfiguration<ReminderOptOut>
{
    public const int CustomerIdLength = 450;

    public void Configure(EntityTypeBuilder<ReminderOptOut> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("ReminderOptOuts");
        builder.HasKey(o => o.CustomerId);
        builder.Property(o => o.CustomerId).HasMaxLength(CustomerIdLength);
    }
}
