namespace CP.Commerce.Models;

/// <summary>One way to buy a product (e.g. "Single site" at 19.99): a one-time purchase in the site currency.</summary>
public sealed class PricingPlan
{
    public int Id { get; set; }

    public int ProductId { get; set; }

    public Product? Product { get; set; }

    public required string Name { get; set; }

    /// <summary>In the site currency, at most two decimals; never floating point.</summary>
    public decimal Price { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>Order of the plans on the product page (lower first).</summary>
    public int Position { get; set; }
}
