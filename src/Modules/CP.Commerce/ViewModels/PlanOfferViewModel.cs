namespace CP.Commerce.ViewModels;

/// <summary>A plan on the product page, with the lines extensions add (e.g. "License key · 5 sites").</summary>
public sealed record PlanOfferViewModel(int Id, string Name, string Price, IReadOnlyList<string> Details);
