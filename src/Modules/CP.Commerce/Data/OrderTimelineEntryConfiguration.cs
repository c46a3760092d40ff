using CP.Commerce.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CP.Commerce.Data;

/// <summary>What happened to an order, oldest first (by id).</summary>
public sealed class OrderTimelineEntryConfiguration : IEntityTypeConfiguration<OrderTimelineEntry>
{
    public void Configure(EntityTypeBuilder<OrderTimelineEntry> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("OrderTimeline");
        builder.Property(t => t.Message).HasMaxLength(1000);
        builder.Property(t => t.Actor).HasMaxLength(256);
    }
}
