namespace CP.Commerce.Catalog;

/// <summary>Reads the catalog for other modules (implemented by CP.Commerce); never writes.</summary>
public interface IProductCatalog
{
    /// <summary>A plan with its product, or null when there is no such plan.</summary>
    Task<PlanSummary?> FindPlanAsync(int planId, CancellationToken cancellationToken);

    /// <summary>Several plans at once (unknown ids are left out).</summary>
    Task<IReadOnlyDictionary<int, PlanSummary>> FindPlansAsync(IReadOnlyCollection<int> planIds, CancellationToken cancellationToken);

    /// <summary>The id of the product with slug <paramref name="slug"/> (as in <c>/products/{slug}</c>, archived ones included), or null.</summary>
    Task<int?> FindProductIdAsync(string slug, CancellationToken cancellationToken);

    /// <summary>The product with id <paramref name="productId"/> (archived ones included), or null.</summary>
    Task<ProductSummary?> FindProductAsync(int productId, CancellationToken cancellationToken);

    /// <summary>
    /// The plans of products that are not archived (inactive ones included), by product name then
    /// the plans' order, at most <paramref name="limit"/> (pickers in other modules' admin forms).
    /// </summary>
    Task<IReadOnlyList<PlanSummary>> ListPlansAsync(int limit, CancellationToken cancellationToken);

    /// <summary>The plans of product <paramref name="productId"/> (inactive ones included) in the plans' order; empty for an unknown product.</summary>
    Task<IReadOnlyList<PlanSummary>> ListProductPlansAsync(int productId, CancellationToken cancellationToken);

    /// <summary>The products that are not archived (inactive ones included), by name, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<ProductSummary>> ListProductsAsync(int limit, CancellationToken cancellationToken);
}
