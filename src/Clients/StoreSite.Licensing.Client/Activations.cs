namespace StoreSite.Licensing.Client;

/// <summary>A license's Activations Used and Max Activations (<c>0</c> = unlimited) as the store counted them.</summary>
/// <param name="Used">Production environments on the allow-list.</param>
/// <param name="Max">Max Activations; <c>0</c> means unlimited.</param>
public sealed record Activations(int Used, int Max);
