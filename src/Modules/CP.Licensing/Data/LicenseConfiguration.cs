using CP.Licensing.Keys;
using CP.Licensing.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CP.Licensing.Data;

/// <summary>
/// The <c>Licenses</c> table. The database holds the invariants: one row per key, one key per order
/// line unit, and never more Activations Used than Max Activations (0 is unlimited).
/// For the admin list it also keeps generated, indexed columns (see <see cref="SearchEmail"/>): the
/// list searches and sorts through B-tree indexes on 100,000 rows (bench/RESULTS.md).
/// </summary>
public sealed class LicenseConfiguration : IEntityTypeConfiguration<License>
{
    public const int KeyMaxLength = 64;
    public const int ProductNameMaxLength = 300;
    public const int EmailMaxLength = 256;
    public const int ReasonMaxLength = 500;
    public const int OrderNumberMaxLength = 64;

    /// <summary>Generated column: the customer's email in ASCII upper case, so that a search by its start is an index range.</summary>
    public const string SearchEmail = nameof(SearchEmail);

    /// <summary>Generated column: the product name in ASCII upper case (as <see cref="SearchEmail"/>).</summary>
    public const string SearchProduct = nameof(SearchProduct);

    /// <summary>Generated column: the expiry date, 9999-12-31 for Lifetime, so that sorting by expiry reads an index.</summary>
    public const string ExpirySort = nameof(ExpirySort);

    /// <summary>
    /// Generated columns: the five groups after the key's prefix (four random groups and the
    /// signature), each indexed, so that a search by a whole group (what a double-click selects,
    /// or the last group that logs show) is an index lookup. Counted from the end of the key,
    /// whatever the prefix's length.
    /// </summary>
    public static readonly IReadOnlyList<string> KeyGroups = ["KeyGroup1", "KeyGroup2", "KeyGroup3", "KeyGroup4", "KeyGroup5"];

    /// <summary>What <see cref="ExpirySort"/> holds for a Lifetime key.</summary>
    public static readonly DateOnly LifetimeSortDate = DateOnly.MaxValue;

    public void Configure(EntityTypeBuilder<License> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("Licenses", table =>
        {
            table.HasCheckConstraint("CK_Licenses_MaxActivations", "\"MaxActivations\" >= 0");
            table.HasCheckConstraint("CK_Licenses_DeactivationsPer30Days", "\"DeactivationsPer30Days\" >= 0");
            // Not "at most Max": a refunded upgrade puts a key back on its smaller plan with the environments
            // it has (they keep running); TakeSlot adds none while the count is at or above Max.
            table.HasCheckConstraint("CK_Licenses_ActivationsUsed", "\"ActivationsUsed\" >= 0");
        });
        builder.Property(l => l.Key).HasMaxLength(KeyMaxLength);
        builder.Property(l => l.CustomerId).HasMaxLength(450);
        builder.Property(l => l.CustomerEmail).HasMaxLength(EmailMaxLength);
        builder.Property(l => l.ProductName).HasMaxLength(ProductNameMaxLength);
        builder.Property(l => l.OrderNumber).HasMaxLength(OrderNumberMaxLength);
        builder.Property(l => l.RevokedBy).HasMaxLength(EmailMaxLength);
        builder.Property(l => l.RevocationReason).HasMaxLength(ReasonMaxLength);
        builder.Property(l => l.SuspendedBy).HasMaxLength(EmailMaxLength);
        builder.Property(l => l.SuspensionReason).HasMaxLength(ReasonMaxLength);
        builder.Ignore(l => l.IsLifetime);

        builder.HasIndex(l => l.Key).IsUnique();
        builder.HasIndex(l => l.CustomerId);
        builder.HasIndex(l => l.ProductId);
        builder.HasIndex(l => l.SuspendedAt);
        builder.HasIndex(l => l.IssuedAt);

        // SQLite computes these on read (VIRTUAL) and keeps their values in the indexes; upper() folds
        // ASCII letters only, on both providers (see ConfigurePostgres), and the list folds the text
        // it searches for the same way.
        builder.Property<string>(SearchEmail).HasComputedColumnSql("upper(\"CustomerEmail\")", stored: false);
        builder.Property<string>(SearchProduct).HasComputedColumnSql("upper(\"ProductName\")", stored: false);
        builder.Property<DateOnly>(ExpirySort).HasComputedColumnSql("coalesce(\"ExpiresOn\", '9999-12-31')", stored: false);
        builder.HasIndex(SearchEmail);
        builder.HasIndex(SearchProduct);
        builder.HasIndex(ExpirySort);
        builder.HasIndex(nameof(License.RevokedAt), ExpirySort);
        for (var i = 0; i < KeyGroups.Count; i++)
        {
            builder.Property<string>(KeyGroups[i]).HasComputedColumnSql($"substr(\"Key\", -{GroupFromEnd(i)}, {LicenseKeys.GroupLength})", stored: false);
            builder.HasIndex(KeyGroups[i]);
        }
        builder.HasIndex(l => new { l.OrderNumber, l.LineNumber, l.UnitIndex }).IsUnique();

        builder.HasMany(l => l.Activations).WithOne().HasForeignKey(a => a.LicenseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(l => l.Events).WithOne().HasForeignKey(e => e.LicenseId).OnDelete(DeleteBehavior.Cascade);
    }

    /// <summary>
    /// PostgreSQL's differences: generated columns are STORED (PostgreSQL before 18 has no virtual
    /// ones), and the key and the search columns compare bytewise (collation <c>C</c>), so that a
    /// prefix is one index range whatever the database's locale (a linguistic collation ignores
    /// the dashes of a key), and upper() folds ASCII only, as on SQLite.
    /// </summary>
    public static void ConfigurePostgres(EntityTypeBuilder<License> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Property(l => l.Key).UseCollation("C");
        builder.Property<string>(SearchEmail).HasComputedColumnSql("upper(\"CustomerEmail\" COLLATE \"C\")", stored: true).UseCollation("C");
        builder.Property<string>(SearchProduct).HasComputedColumnSql("upper(\"ProductName\" COLLATE \"C\")", stored: true).UseCollation("C");
        builder.Property<DateOnly>(ExpirySort).HasComputedColumnSql("coalesce(\"ExpiresOn\", DATE '9999-12-31')", stored: true);
        for (var i = 0; i < KeyGroups.Count; i++)
        {
            builder.Property<string>(KeyGroups[i]).HasComputedColumnSql($"left(right(\"Key\", {GroupFromEnd(i)}), {LicenseKeys.GroupLength})", stored: true).UseCollation("C");
        }
    }

    /// <summary>How many characters from the end of a key group <paramref name="index"/> (0 to 4) starts: 34, 27, 20, 13, 6.</summary>
    private static int GroupFromEnd(int index) => (KeyGroups.Count - index) * (LicenseKeys.GroupLength + 1) - 1;
}
