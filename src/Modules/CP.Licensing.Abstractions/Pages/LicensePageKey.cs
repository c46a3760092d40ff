namespace CP.Licensing.Pages;

/// <summary>The key a customer's key page shows (<see cref="ILicensePageSection"/>): its id and its owner, the signed-in customer.</summary>
public sealed record LicensePageKey(int LicenseId, string CustomerId);
