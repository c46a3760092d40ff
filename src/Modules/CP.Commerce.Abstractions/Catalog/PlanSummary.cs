namespace CP.Commerce.Catalog;

/// <summary>A pricing plan as other modules see it.</summary>
public sealed record PlanSummary(
    int PlanId,
    string PlanName,
    decimal Price,
    bool IsActive,
    int ProductId,
    string ProductSlug,
    string ProductName,
    bool ProductIsActive);
