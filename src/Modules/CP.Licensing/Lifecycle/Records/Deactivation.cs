namespace CP.Licensing.Lifecycle.Records;

/// <summary>
/// What a self-service deactivation removed: the environment ("domain (IP)"), whether it was a
/// development environment (free), and the key's Activations Used and Max Activations after it.
/// </summary>
public sealed record Deactivation(string Environment, bool Development, int ActivationsUsed, int MaxActivations);
