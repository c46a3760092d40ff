namespace CP.Licensing.Customer.Records;

/// <summary>A development environment of one of the customer's keys (it uses no activation).</summary>
public sealed record CustomerDevelopmentSite(int LicenseId, string ProductName, string Domain, DateTimeOffset FirstSeenAt, DateTimeOffset LastSeenAt);
