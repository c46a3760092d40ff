namespace CP.Commerce.Renewals;

/// <summary>A renewal of one key as the cart shows and sells it.</summary>
/// <param name="LicenseId">The key's license id.</param>
/// <param name="PlanId">The pricing plan the key was sold in (its renewal price is <paramref name="Price"/>).</param>
/// <param name="MaskedKey">The key with its middle groups hidden, e.g. <c>CP-ABCDEF-******-******-******-HTARZ4</c>.</param>
/// <param name="Price">What the renewal costs.</param>
/// <param name="NewExpiry">The last valid day if it were paid today.</param>
public sealed record RenewalOffer(int LicenseId, int PlanId, string MaskedKey, decimal Price, DateOnly NewExpiry);
