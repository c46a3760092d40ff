namespace CP.Commerce.Models;

/// <summary>A product a discount code is limited to.</summary>
public sealed class DiscountProduct
{
    public int DiscountId { get; set; }

    public int ProductId { get; set; }
}
