namespace CP.Commerce.Cart;

/// <summary>A cart item with its product and plan as the database has them now.</summary>
public sealed record PricedCartLine(
    int PlanId,
    int ProductId,
    string ProductName,
    string ProductSlug,
    string PlanName,
    decimal UnitPrice,
    int Quantity,
    bool IsAvailable)
{
    public decimal LineTotal => UnitPrice * Quantity;
}
