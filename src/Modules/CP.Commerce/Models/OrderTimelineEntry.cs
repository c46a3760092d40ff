namespace CP.Commerce.Models;

/// <summary>What happened to an order, when and by whom.</summary>
public sealed class OrderTimelineEntry
{
    public int Id { get; set; }

    public int OrderId { get; set; }

    public DateTimeOffset At { get; set; }

    public required string Message { get; set; }

    /// <summary>The acting user's email, or <c>system</c>.</summary>
    public required string Actor { get; set; }
}
