using CP.Commerce.Models;

namespace CP.Commerce.ViewModels;

/// <summary>One of the latest orders on the admin dashboard.</summary>
public sealed record RecentOrder(string Number, string CustomerEmail, OrderStatus Status, decimal Total, string Currency, DateTimeOffset PlacedAt);
