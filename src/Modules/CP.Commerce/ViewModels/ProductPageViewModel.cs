namespace CP.Commerce.ViewModels;

/// <summary>The product page at <c>/products/{slug}</c>.</summary>
public sealed record ProductPageViewModel(string Name, string Slug, string Summary, string DescriptionHtml, IReadOnlyList<PlanOfferViewModel> Plans, ProductImageViewModel? Image = null);
