using CP.Commerce.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CP.Commerce.Data;

/// <summary>Products: the slug is unique (the database says so, not a check in memory).</summary>
public sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public const int NameLength = 200;
    public const int SlugLength = 100;
    public const int SummaryLength = 300;
    public const int DescriptionLength = 20_000;
    public const int ImageVersionLength = 32;
    public const int ImageAltLength = 200;

    public void Configure(EntityTypeBuilder<Product> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("Products");
        builder.Property(p => p.Name).HasMaxLength(NameLength);
        builder.Property(p => p.Slug).HasMaxLength(SlugLength);
        builder.Property(p => p.Summary).HasMaxLength(SummaryLength).HasDefaultValue(string.Empty);
        builder.Property(p => p.Description).HasMaxLength(DescriptionLength);
        builder.Property(p => p.ImageVersion).HasMaxLength(ImageVersionLength);
        builder.Property(p => p.ImageAlt).HasMaxLength(ImageAltLength).HasDefaultValue(string.Empty);
        builder.HasIndex(p => p.Slug).IsUnique();
        builder.HasIndex(p => p.Name);
        builder.Ignore(p => p.IsOnSale);
        builder.HasMany(p => p.Plans).WithOne(p => p.Product).HasForeignKey(p => p.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}
