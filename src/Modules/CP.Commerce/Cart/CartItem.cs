namespace CP.Commerce.Cart;

/// <summary>
/// A plan and how many of it; or, with <see cref="LicenseId"/>, a change of that license key (quantity 1):
/// its renewal, or with <see cref="IsUpgrade"/> its upgrade to <see cref="PlanId"/>.
/// </summary>
public sealed record CartItem(int PlanId, int Quantity, int? LicenseId = null, bool IsUpgrade = false)
{
    /// <summary>A renewal or an upgrade of one key (one line per key).</summary>
    public bool IsKeyLine => LicenseId is not null;

    public bool IsRenewal => LicenseId is not null && !IsUpgrade;
}
