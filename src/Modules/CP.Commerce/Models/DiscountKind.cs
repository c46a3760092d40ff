namespace CP.Commerce.Models;

/// <summary>How a discount code takes money off: a percentage of each eligible line, or a fixed amount off the order.</summary>
public enum DiscountKind
{
    Percent,

    Amount,
}
