namespace StoreSite.Data;

/// <summary>What a write unit answers its caller, and whether its writes are kept or rolled back (<see cref="WriteResult"/> makes one).</summary>
public readonly record struct WriteResult<T>(T Value, bool Keep);
