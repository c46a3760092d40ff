using CP.Commerce.Catalog;

namespace CP.Licensing.Lifecycle.Records;

/// <summary>The Generate License pickers: the catalog's products and their plans with the defaults each gives.</summary>
public sealed record GenerateChoices(IReadOnlyList<ProductSummary> Products, IReadOnlyList<PlanDefaults> Plans);
