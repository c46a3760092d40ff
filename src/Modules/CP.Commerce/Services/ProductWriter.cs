using CP.Commerce.Data;
using CP.Commerce.Models;
using CP.Commerce.Plans;
using Microsoft.EntityFrameworkCore;
using StoreSite;
using StoreSite.Data;

namespace CP.Commerce.Services;

/// <summary>Saves products and plans for the admin editor and the <c>Products</c> recipe step.</summary>
public sealed class ProductWriter(CommerceDbContext db, SiteDatabase database, TimeProvider clock)
{
    /// <summary>True when another product than <paramref name="exceptProductId"/> uses the slug.</summary>
    public Task<bool> IsSlugTakenAsync(string slug, int? exceptProductId, CancellationToken cancellationToken) =>
        db.Products.AnyAsync(p => p.Slug == slug && p.Id != exceptProductId, cancellationToken);

    /// <summary>A free slug made from the name (<c>name</c>, <c>name-2</c>, …).</summary>
    public async Task<string> FreeSlugForAsync(string name, CancellationToken cancellationToken)
    {
        var slug = ProductSlug.From(name);
        var prefix = slug + "-";
        var taken = await db.Products.Where(p => p.Slug == slug || p.Slug.StartsWith(prefix)).Select(p => p.Slug).ToListAsync(cancellationToken);
        return ProductSlug.FirstFree(slug, taken.ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>Inserts or updates a product. The unique slug index is the final judge: refused with <see cref="ProductProblems.SlugTaken"/> when the slug was taken meanwhile.</summary>
    public async Task<Outcome> SaveProductAsync(Product product, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(product);
        if (product.Id == 0)
        {
            product.CreatedAt = clock.GetUtcNow();
            db.Products.Add(product);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Outcome.Done;
        }
        catch (DbUpdateException) when (database.Transaction is null)
        {
            db.ChangeTracker.Clear();
            if (await IsSlugTakenAsync(product.Slug, product.Id == 0 ? null : product.Id, cancellationToken))
            {
                return Outcome.Refused(ProductProblems.SlugTaken, nameof(Product.Slug));
            }

            throw;
        }
    }

    /// <summary>Inserts or updates a plan and stores each extension's section, in one transaction.</summary>
    public async Task SavePlanAsync(PricingPlan plan, IReadOnlyList<(IPlanEditorExtension Extension, object Model)> sections, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(sections);
        await using var transaction = await database.BeginTransactionAsync(cancellationToken);
        if (plan.Id == 0)
        {
            var last = await db.Plans.Where(p => p.ProductId == plan.ProductId).MaxAsync(p => (int?)p.Position, cancellationToken);
            plan.Position = (last ?? 0) + 1;
            db.Plans.Add(plan);
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var (extension, model) in sections)
        {
            await extension.SaveAsync(plan.Id, model, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
