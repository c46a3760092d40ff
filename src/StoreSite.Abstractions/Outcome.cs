namespace StoreSite;

/// <summary>
/// Did it work, and if not why: the answer of every service that can refuse. A refusal carries a
/// stable code (<see cref="Problem"/>, e.g. <c>already_refunded</c>), the form field it concerns if
/// any, and a detail from outside the store when there is one (a payment provider's message). The
/// words people read are chosen by the web layer from the code, never by the service.
/// </summary>
public readonly record struct Outcome(string? Problem, string? Field = null, string? Detail = null)
{
    public static Outcome Done => default;

    public bool Succeeded => Problem is null;

    public static Outcome Refused(string problem, string? field = null, string? detail = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(problem);
        return new(problem, field, detail);
    }

    /// <summary>The same refusal, carrying no value of type <typeparamref name="T"/>.</summary>
    public Outcome<T> As<T>() => new(default, Problem, Field, Detail);
}
