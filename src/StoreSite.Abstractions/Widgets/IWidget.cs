namespace StoreSite.Widgets;

/// <summary>
/// A widget: a view component the host renders in a named zone while its module is enabled.
/// </summary>
public interface IWidget
{
    /// <summary>The zone, one of <see cref="Zones"/>.</summary>
    string Zone { get; }

    /// <summary>Lower comes first.</summary>
    int Position { get; }

    /// <summary>The view component to invoke (its type must be in the module's assembly).</summary>
    Type ViewComponent { get; }
}
