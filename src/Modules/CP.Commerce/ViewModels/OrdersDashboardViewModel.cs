using CP.Commerce.Models;

namespace CP.Commerce.ViewModels;

/// <summary>The admin dashboard's Orders card: how many orders are in each status, and those an admin must look at.</summary>
public sealed record OrdersDashboardViewModel(IReadOnlyDictionary<OrderStatus, int> Counts, IReadOnlyList<OrderNeedingAttention> NeedingAttention, int NeedingAttentionTotal);
