using CP.Commerce.Models;
using CP.Commerce.Orders;

namespace CP.Commerce.ViewModels;

/// <summary>An order stuck between two statuses, with what the admin can do about it.</summary>
public sealed record OrderNeedingAttention(Order Order, OrderAttention Attention);
