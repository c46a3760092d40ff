namespace CP.Downloads.Entitlement;

/// <summary>
/// What a customer may download of one product: the widest <see cref="Window"/> of their keys and
/// purchases, and the key whose expiry ended the updates (<see cref="ExpiredLicenseId"/>, for the renewal
/// offer; null when updates have not ended), and the key that gives the window (<see cref="LicenseId"/>,
/// the grant a download link is issued for; null when a paid plan without a license gives it).
/// </summary>
public sealed record ProductEntitlement(int ProductId, ReleaseWindow Window, int? ExpiredLicenseId, int? LicenseId = null);
