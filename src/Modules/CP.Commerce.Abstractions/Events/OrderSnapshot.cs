namespace CP.Commerce.Events;

/// <summary>
/// What a module may know of an order: everything an order event handler or a confirmation section
/// needs, taken by CP.Commerce when the event is published. Other modules never read commerce tables.
/// </summary>
/// <param name="Number">Human-friendly and unique, e.g. <c>SO-2026-000042</c>.</param>
/// <param name="CustomerId">The customer's account id.</param>
/// <param name="CustomerEmail">The customer's email when the order was placed.</param>
/// <param name="Currency">ISO 4217 code.</param>
/// <param name="Total">The order's total.</param>
/// <param name="PaidAt">When the payment was confirmed; null while it is not.</param>
/// <param name="Lines">The lines in order.</param>
public sealed record OrderSnapshot(
    string Number,
    string CustomerId,
    string CustomerEmail,
    string Currency,
    decimal Total,
    DateTimeOffset? PaidAt,
    IReadOnlyList<OrderLineSnapshot> Lines);
