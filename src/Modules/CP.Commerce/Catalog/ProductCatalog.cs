using CP.Commerce.Data;
using Microsoft.EntityFrameworkCore;

namespace CP.Commerce.Catalog;

/// <summary>The catalog as other modules read it (<see cref="IProductCatalog"/>).</summary>
public sealed class ProductCatalog(CommerceDbContext db) : IProductCatalog
{
    public async Task<PlanSummary?> FindPlanAsync(int planId, CancellationToken cancellationToken) =>
        (await FindPlansAsync([planId], cancellationToken)).GetValueOrDefault(planId);

    public async Task<IReadOnlyDictionary<int, PlanSummary>> FindPlansAsync(IReadOnlyCollection<int> planIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(planIds);
        if (planIds.Count == 0)
        {
            return new Dictionary<int, PlanSummary>();
        }

        var ids = planIds.Distinct().ToList();
        return await db.Plans.AsNoTracking()
            .Where(p => ids.Contains(p.Id))
            .Select(p => new PlanSummary(p.Id, p.Name, p.Price, p.IsActive, p.ProductId, p.Product!.Slug, p.Product.Name, p.Product.IsActive && !p.Product.IsArchived))
            .ToDictionaryAsync(p => p.PlanId, cancellationToken);
    }

    public async Task<int?> FindProductIdAsync(string slug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slug);
        return await db.Products.AsNoTracking().Where(p => p.Slug == slug).Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken);
    }

    public Task<ProductSummary?> FindProductAsync(int productId, CancellationToken cancellationToken) =>
        db.Products.AsNoTracking()
            .Where(p => p.Id == productId)
            .Select(p => new ProductSummary(p.Id, p.Slug, p.Name, p.IsActive && !p.IsArchived))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<PlanSummary>> ListPlansAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return await db.Plans.AsNoTracking()
            .Where(p => !p.Product!.IsArchived)
            .OrderBy(p => p.Product!.Name).ThenBy(p => p.ProductId).ThenBy(p => p.Position).ThenBy(p => p.Id)
            .Take(limit)
            .Select(p => new PlanSummary(p.Id, p.Name, p.Price, p.IsActive, p.ProductId, p.Product!.Slug, p.Product.Name, p.Product.IsActive && !p.Product.IsArchived))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<PlanSummary>> ListProductPlansAsync(int productId, CancellationToken cancellationToken) =>
        await db.Plans.AsNoTracking()
            .Where(p => p.ProductId == productId)
            .OrderBy(p => p.Position).ThenBy(p => p.Id)
            .Select(p => new PlanSummary(p.Id, p.Name, p.Price, p.IsActive, p.ProductId, p.Product!.Slug, p.Product.Name, p.Product.IsActive && !p.Product.IsArchived))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<ProductSummary>> ListProductsAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return await db.Products.AsNoTracking()
            .Where(p => !p.IsArchived)
            .OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Take(limit)
            .Select(p => new ProductSummary(p.Id, p.Slug, p.Name, p.IsActive && !p.IsArchived))
            .ToListAsync(cancellationToken);
    }
}
