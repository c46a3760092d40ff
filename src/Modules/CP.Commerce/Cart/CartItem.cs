namespace CP.Commerce.Cart;

/// <summary>A plan and how many of it.</summary>
public sealed record CartItem(int PlanId, int Quantity);
