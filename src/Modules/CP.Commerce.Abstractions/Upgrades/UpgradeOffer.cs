namespace CP.Commerce.Upgrades;

/// <summary>An upgrade of one key to a bigger plan of its product, as the key page and the cart show and sell it.</summary>
/// <param name="LicenseId">The key's license id.</param>
/// <param name="FromPlanName">The plan the key is on now.</param>
/// <param name="PlanId">The plan it would take.</param>
/// <param name="PlanName">That plan's name.</param>
/// <param name="MaskedKey">The key with its middle groups hidden.</param>
/// <param name="Price">What the upgrade costs: the new plan's price less the current plan's, never below zero.</param>
/// <param name="MaxActivations">The new plan's activations; 0 is unlimited.</param>
/// <param name="MakesLifetime">Whether the key becomes Lifetime (the new plan never expires).</param>
public sealed record UpgradeOffer(int LicenseId, string FromPlanName, int PlanId, string PlanName, string MaskedKey, decimal Price, int MaxActivations, bool MakesLifetime);
