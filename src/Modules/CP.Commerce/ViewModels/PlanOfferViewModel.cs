namespace CP.Commerce.ViewModels;

/// <summary>A plan on the product page, with the lines extensions add (e.g. "5 sites", "1 year of updates and support").</summary>
public sealed record PlanOfferViewModel(int Id, string Name, string Price, IReadOnlyList<string> Details);
