namespace CP.Licensing.Lifecycle.Records;

/// <summary>An environment of a license's allow-list, as the CSV export writes it; <paramref name="Development"/>: a development site (uses no slot).</summary>
public sealed record LicenseEnvironment(string Domain, string Ip, bool Development = false);
