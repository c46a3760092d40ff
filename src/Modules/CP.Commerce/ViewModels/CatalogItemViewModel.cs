namespace CP.Commerce.ViewModels;

/// <summary>A product card: name, link, summary, image (null without one) and the lowest price of its active plans.</summary>
public sealed record CatalogItemViewModel(string Name, string Slug, string Summary, string FromPrice, ProductImageViewModel? Image = null);
