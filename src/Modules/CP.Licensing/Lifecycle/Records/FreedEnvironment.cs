namespace CP.Licensing.Lifecycle.Records;

/// <summary>An environment removed from a key's allow-list: "domain (IP)", and whether it was a development one (it used no slot).</summary>
public sealed record FreedEnvironment(string Environment, bool Development);
