namespace CP.Licensing.Lifecycle.Records;

/// <summary>What an action over a set of keys did: the ids it changed and the ones it skipped, each with its reason.</summary>
public sealed record LicenseSetResult(IReadOnlyList<int> Done, IReadOnlyList<LicenseSkip> Skipped);
