namespace StoreSite.Navigation;

/// <summary>One entry of the admin shell's left menu.</summary>
/// <param name="Label">What the menu shows.</param>
/// <param name="Url">Where it leads.</param>
/// <param name="Permission">The permission a user needs to see it; null for every admin user.</param>
/// <param name="Position">Lower comes first.</param>
public sealed record AdminMenuItem(string Label, string Url, string? Permission, int Position);
