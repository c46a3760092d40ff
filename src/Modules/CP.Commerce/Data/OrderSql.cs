using System.Globalization;
using CP.Commerce.Models;
using StoreSite.Data;

namespace CP.Commerce.Data;

/// <summary>The hand-written statements on the orders tables (everything else is LINQ).</summary>
public static class OrderSql
{
    /// <summary>
    /// Revenue per store day (<see cref="StoreDaySet"/>) and currency: the totals of the orders paid
    /// that day that are still Paid, and of partly refunded ones less what went back (a refunded
    /// order's money went back). SQLite keeps
    /// decimals as text, so it sums whole cents (totals have two decimals); PostgreSQL sums numeric.
    /// </summary>
    public static string RevenuePerDay(DatabaseProvider provider) => string.Format(
        CultureInfo.InvariantCulture,
        """
        SELECT d."Day", o."Currency", {1}, COUNT(*)
        FROM {0} AS d
        JOIN "Orders" AS o ON o."PaidAt" >= d."Start" AND o."PaidAt" < d."End"
        WHERE o."Status" IN ('{2}', '{3}')
        GROUP BY d."Day", o."Currency"
        """,
        StoreDaySet.Sql(provider),
        provider == DatabaseProvider.Sqlite
            ? """SUM(CAST(round(o."Total" * 100) AS INTEGER) - COALESCE((SELECT SUM(CAST(round(l."RefundedAmount" * 100) AS INTEGER)) FROM "OrderLines" AS l WHERE l."OrderId" = o."Id"), 0))"""
            : """SUM(o."Total" - COALESCE((SELECT SUM(l."RefundedAmount") FROM "OrderLines" AS l WHERE l."OrderId" = o."Id"), 0))""",
        nameof(OrderStatus.Paid),
        nameof(OrderStatus.PartiallyRefunded));

    /// <summary>
    /// Revenue over all the store days of <see cref="StoreDaySet"/> by currency and line kind (new sales,
    /// renewals, upgrades), counted as <see cref="RevenuePerDay"/> counts orders: orders paid in those days that
    /// are Paid or partly refunded, each line at what was paid for it (after its discount) less what its refund
    /// gave back. Its sum column reads with <see cref="RevenueOf"/>.
    /// </summary>
    public static string RevenueByKind(DatabaseProvider provider) => string.Format(
        CultureInfo.InvariantCulture,
        """
        SELECT o."Currency", l."Kind", {1}
        FROM {0} AS d
        JOIN "Orders" AS o ON o."PaidAt" >= d."Start" AND o."PaidAt" < d."End"
        JOIN "OrderLines" AS l ON l."OrderId" = o."Id"
        WHERE o."Status" IN ('{2}', '{3}')
        GROUP BY o."Currency", l."Kind"
        """,
        StoreDaySet.Sql(provider),
        provider == DatabaseProvider.Sqlite
            ? """SUM(CAST(round((l."UnitPrice" * l."Quantity" - l."Discount" - COALESCE(l."RefundedAmount", 0)) * 100) AS INTEGER))"""
            : """SUM(l."UnitPrice" * l."Quantity" - l."Discount" - COALESCE(l."RefundedAmount", 0))""",
        nameof(OrderStatus.Paid),
        nameof(OrderStatus.PartiallyRefunded));

    /// <summary>What <see cref="RevenuePerDay"/>'s and <see cref="RevenueByKind"/>'s sum column holds in units of the currency.</summary>
    public static decimal RevenueOf(DatabaseProvider provider, object value) =>
        provider == DatabaseProvider.Sqlite ? Convert.ToInt64(value, CultureInfo.InvariantCulture) / 100m : Convert.ToDecimal(value, CultureInfo.InvariantCulture);
}
