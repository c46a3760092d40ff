namespace StoreSite;

/// <summary>An <see cref="Outcome"/> that carries what was made or changed when it worked.</summary>
public readonly record struct Outcome<T>(T? Value, string? Problem, string? Field = null, string? Detail = null)
{
    public bool Succeeded => Problem is null;

    public static Outcome<T> Done(T value) => new(value, null);

    public static Outcome<T> Refused(string problem, string? field = null, string? detail = null) => Outcome.Refused(problem, field, detail).As<T>();

    /// <summary>The outcome without its value.</summary>
    public Outcome WithoutValue() => new(Problem, Field, Detail);

    public static implicit operator Outcome<T>(Outcome refusal) => refusal.As<T>();
}
