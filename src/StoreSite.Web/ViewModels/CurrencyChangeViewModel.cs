using StoreSite.Settings;

namespace StoreSite.Web.ViewModels;

/// <summary>The second step of a currency change on a store with orders or prices: what changes, from which code to which.</summary>
public sealed record CurrencyChangeViewModel(string From, string To, CurrencyUsage Usage);
