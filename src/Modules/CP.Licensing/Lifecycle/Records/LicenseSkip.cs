namespace CP.Licensing.Lifecycle.Records;

/// <summary>A key an action over several keys left as it was, and why (a <see cref="LicenseProblems"/> code).</summary>
/// <param name="Key">The key, or null when no license has the id.</param>
public sealed record LicenseSkip(int Id, string? Key, string Problem);
