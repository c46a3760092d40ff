using CP.Commerce.Renewals;

namespace CP.Commerce.Cart;

/// <summary>A cart item with its product and plan as the database has them now.</summary>
/// <param name="Renewal">For a renewal line, the offer licensing made for it now; null for a purchase (or a refused renewal).</param>
/// <param name="LicenseId">For a renewal line, the key it renews.</param>
/// <param name="Refusal">For a renewal line that cannot be sold, the <see cref="RenewalProblems"/> code.</param>
public sealed record PricedCartLine(
    int PlanId,
    int ProductId,
    string ProductName,
    string ProductSlug,
    string PlanName,
    decimal UnitPrice,
    int Quantity,
    bool IsAvailable,
    RenewalOffer? Renewal = null,
    int? LicenseId = null,
    string? Refusal = null)
{
    public decimal LineTotal => UnitPrice * Quantity;

    public bool IsRenewal => LicenseId is not null;
}
