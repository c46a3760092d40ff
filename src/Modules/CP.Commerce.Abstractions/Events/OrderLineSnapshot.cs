namespace CP.Commerce.Events;

/// <summary>One line of an <see cref="OrderSnapshot"/>.</summary>
/// <param name="LineNumber">1-based position in the order.</param>
/// <param name="Kind">What the line sells.</param>
/// <param name="ProductId">The product's id.</param>
/// <param name="ProductSlug">The product's slug (as in <c>/products/{slug}</c>) when the snapshot was taken.</param>
/// <param name="ProductName">The product's name when the order was placed.</param>
/// <param name="PlanId">The pricing plan's id.</param>
/// <param name="PlanName">The plan's name when the order was placed.</param>
/// <param name="Title">
/// How the store names what the line sold: the product's name, with the plan's after a dash when
/// the product is sold in several plans (e.g. <c>Gallery Pro – Business</c>).
/// </param>
/// <param name="Quantity">Units bought.</param>
/// <param name="UnitPrice">Price of one unit.</param>
/// <param name="LicenseId">The license a <see cref="OrderLineKind.Renewal"/> line renews or an <see cref="OrderLineKind.Upgrade"/> line upgrades; null for a new purchase.</param>
public sealed record OrderLineSnapshot(
    int LineNumber,
    OrderLineKind Kind,
    int ProductId,
    string ProductSlug,
    string ProductName,
    int PlanId,
    string PlanName,
    string Title,
    int Quantity,
    decimal UnitPrice,
    int? LicenseId = null)
{
    public decimal Amount => UnitPrice * Quantity;
}
