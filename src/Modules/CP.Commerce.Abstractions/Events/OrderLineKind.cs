namespace CP.Commerce.Events;

/// <summary>What an order line sells.</summary>
public enum OrderLineKind
{
    /// <summary>A new purchase of a plan.</summary>
    New = 0,
}
