namespace CP.Commerce.Cart;

/// <summary>A plan and how many of it; or, with <see cref="LicenseId"/>, the renewal of that license key (quantity 1).</summary>
public sealed record CartItem(int PlanId, int Quantity, int? LicenseId = null)
{
    public bool IsRenewal => LicenseId is not null;
}
