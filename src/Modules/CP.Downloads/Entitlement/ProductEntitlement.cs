namespace CP.Downloads.Entitlement;

/// <summary>
/// What a customer may download of one product: the widest <see cref="Window"/> of their keys and
/// purchases, and the key whose expiry ended the updates (<see cref="ExpiredLicenseId"/>, for the renewal
/// offer; null when updates have not ended).
/// </summary>
public sealed record ProductEntitlement(int ProductId, ReleaseWindow Window, int? ExpiredLicenseId);
