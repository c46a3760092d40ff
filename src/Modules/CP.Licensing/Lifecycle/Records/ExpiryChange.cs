namespace CP.Licensing.Lifecycle.Records;

/// <summary>An expiry before and after an admin's change (null is Lifetime).</summary>
public sealed record ExpiryChange(DateOnly? Old, DateOnly? New)
{
    public bool Changed => Old != New;
}
