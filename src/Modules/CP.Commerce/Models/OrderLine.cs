namespace CP.Commerce.Models;

/// <summary>One line of an order, with snapshots taken when the order was placed.</summary>
public sealed class OrderLine
{
    public int Id { get; set; }

    public int OrderId { get; set; }

    /// <summary>1-based position in the order.</summary>
    public int LineNumber { get; set; }

    public int ProductId { get; set; }

    public int PlanId { get; set; }

    public required string ProductName { get; set; }

    public required string PlanName { get; set; }

    public decimal UnitPrice { get; set; }

    public int Quantity { get; set; }

    public decimal LineTotal => UnitPrice * Quantity;
}
