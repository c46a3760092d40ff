namespace StoreSite.Navigation;

/// <summary>
/// One entry of the admin shell's left menu. It names where it leads by route, never by a typed
/// URL: an MVC action (<see cref="Controller"/> and <see cref="Action"/>) or a named endpoint
/// (<see cref="RouteName"/>); the menu builds the link with the site's routes.
/// </summary>
public sealed record AdminMenuItem
{
    private const string ControllerSuffix = "Controller";

    private AdminMenuItem(string label, string? controller, string? action, string? routeName, string? permission, int position)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        Label = label;
        Controller = controller;
        Action = action;
        RouteName = routeName;
        Permission = permission;
        Position = position;
    }

    /// <summary>What the menu shows.</summary>
    public string Label { get; }

    /// <summary>The MVC controller name (without the <c>Controller</c> suffix), or null for a named route.</summary>
    public string? Controller { get; }

    /// <summary>The action of <see cref="Controller"/>, or null for a named route.</summary>
    public string? Action { get; }

    /// <summary>The endpoint's route name, or null for an MVC action.</summary>
    public string? RouteName { get; }

    /// <summary>The permission a user needs to see it; null for every admin user.</summary>
    public string? Permission { get; }

    /// <summary>Lower comes first.</summary>
    public int Position { get; }

    /// <summary>An item leading to <paramref name="action"/> of <typeparamref name="TController"/> (use <c>nameof</c>).</summary>
    public static AdminMenuItem ForAction<TController>(string label, string action, string? permission, int position)
        where TController : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        var name = typeof(TController).Name;
        var controller = name.EndsWith(ControllerSuffix, StringComparison.Ordinal) ? name[..^ControllerSuffix.Length] : name;
        return new(label, controller, action, null, permission, position);
    }

    /// <summary>An item leading to the endpoint named <paramref name="routeName"/>.</summary>
    public static AdminMenuItem ForRoute(string label, string routeName, string? permission, int position)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(routeName);
        return new(label, null, null, routeName, permission, position);
    }
}
