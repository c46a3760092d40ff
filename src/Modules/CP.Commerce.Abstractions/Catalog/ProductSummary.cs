namespace CP.Commerce.Catalog;

/// <summary>A product as other modules see it.</summary>
public sealed record ProductSummary(int ProductId, string Slug, string Name, bool IsActive);
