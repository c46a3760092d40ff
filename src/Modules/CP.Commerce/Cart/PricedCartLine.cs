using CP.Commerce.Events;
using CP.Commerce.Orders;
using CP.Commerce.Renewals;
using CP.Commerce.Upgrades;

namespace CP.Commerce.Cart;

/// <summary>A cart item with its product and plan as the database has them now.</summary>
/// <param name="Renewal">For a renewal line, the offer licensing made for it now; null for a purchase (or a refused renewal).</param>
/// <param name="LicenseId">For a renewal or upgrade line, the key it changes.</param>
/// <param name="Refusal">For a renewal or upgrade line that cannot be sold, the <see cref="RenewalProblems"/> or <see cref="UpgradeProblems"/> code.</param>
/// <param name="Upgrade">For an upgrade line, the offer licensing made for it now; null otherwise (or refused).</param>
/// <param name="IsUpgrade">Whether the line upgrades <paramref name="LicenseId"/> to the line's plan.</param>
/// <param name="Discount">What the cart's discount code takes off the line (exact to the currency's minor unit); 0 without one.</param>
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
    string? Refusal = null,
    UpgradeOffer? Upgrade = null,
    bool IsUpgrade = false,
    decimal Discount = 0m)
{
    /// <summary>Unit price times quantity, before the discount.</summary>
    public decimal Subtotal => UnitPrice * Quantity;

    /// <summary>What the customer pays for the line.</summary>
    public decimal LineTotal => Subtotal - Discount;

    public bool IsRenewal => LicenseId is not null && !IsUpgrade;

    public OrderLineKind Kind => IsUpgrade ? OrderLineKind.Upgrade : IsRenewal ? OrderLineKind.Renewal : OrderLineKind.New;

    /// <summary>What a renewal or upgrade line does to its key, in words; null for a purchase or a refused line.</summary>
    public string? Note =>
        Renewal is { } renewal ? OrderLineText.Renews(renewal.MaskedKey, renewal.NewExpiry)
        : Upgrade is { } upgrade ? OrderLineText.Upgrades(upgrade.MaskedKey, upgrade.FromPlanName)
        : null;
}
