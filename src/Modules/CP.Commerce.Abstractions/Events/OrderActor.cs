namespace CP.Commerce.Events;

/// <summary>Who did something to an order: a user (id and email) or the system (no id).</summary>
public sealed record OrderActor(string? UserId, string Name)
{
    public static OrderActor System { get; } = new(null, "system");
}
