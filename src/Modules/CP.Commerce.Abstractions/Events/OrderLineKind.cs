namespace CP.Commerce.Events;

/// <summary>What an order line sells.</summary>
public enum OrderLineKind
{
    /// <summary>A new purchase of a plan.</summary>
    New = 0,

    /// <summary>A renewal of one license key (<see cref="OrderLineSnapshot.LicenseId"/>): quantity 1, no new key.</summary>
    Renewal = 1,

    /// <summary>
    /// An upgrade of one license key (<see cref="OrderLineSnapshot.LicenseId"/>) to the line's plan, a bigger
    /// one of the same product: quantity 1, no new key; the key keeps its environments and expiry.
    /// </summary>
    Upgrade = 2,
}
