namespace StoreSite.Tests.Commerce;

/// <summary>A scoped service with an id per scope.</summary>
public sealed class ScopeMarker
{
    public Guid Id { get; } = Guid.NewGuid();
}
