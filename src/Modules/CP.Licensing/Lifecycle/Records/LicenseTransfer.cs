namespace CP.Licensing.Lifecycle.Records;

/// <summary>A key moved from one customer account to another.</summary>
/// <param name="Invited">Whether the new owner's account was created (and invited) for it.</param>
public sealed record LicenseTransfer(string OldEmail, string NewEmail, bool Invited);
