namespace CP.Licensing.Lifecycle.Records;

/// <summary>An environment of a license's allow-list, as the CSV export writes it.</summary>
public sealed record LicenseEnvironment(string Domain, string Ip);
