using CP.Licensing.Admin.Records;
using CP.Licensing.Customer.Records;

namespace CP.Licensing.ViewModels;

/// <summary>The customer's key page: the key, a page of its environments and of its history, and today's date for its expiry in words.</summary>
public sealed record CustomerLicenseViewModel(CustomerLicenseDetail Key, LicenseDetailLists Lists, DateOnly Today)
{
    /// <summary>The bigger plans the key can move to now (none for a revoked, suspended or expired key).</summary>
    public IReadOnlyList<CP.Commerce.Upgrades.UpgradeOffer> Upgrades { get; init; } = [];

    /// <summary>The store's currency, for the upgrades' prices.</summary>
    public string Currency { get; init; } = "USD";

    /// <summary>The view components of enabled modules' sections (<see cref="CP.Licensing.Pages.ILicensePageSection"/>), invoked with <c>new { key }</c>.</summary>
    public IReadOnlyList<Type> Sections { get; init; } = [];
}
