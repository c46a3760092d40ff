using System.Globalization;

namespace CP.Commerce.Orders;

/// <summary>Human-friendly order numbers, <c>SO-2026-000042</c>: the year the order was placed and its database id.</summary>
public static class OrderNumbers
{
    public static string Format(DateTimeOffset placedAt, int id) =>
        string.Create(CultureInfo.InvariantCulture, $"SO-{placedAt.UtcDateTime.Year}-{id:D6}");

    /// <summary>Numbers are short; anything longer is not one (and never reaches the database).</summary>
    public static bool IsPlausible(string? number) => number is { Length: > 0 and <= 40 };
}
