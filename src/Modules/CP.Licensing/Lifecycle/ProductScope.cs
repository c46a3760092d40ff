using System.Collections.Concurrent;
using CP.Commerce.Catalog;
using Microsoft.Extensions.DependencyInjection;

namespace CP.Licensing.Lifecycle;

/// <summary>
/// Which catalog product a request's <c>product</c> slug names (docs/verify-api.md), held in memory
/// (singleton) for <see cref="Lifetime"/>: the Verify hot path asks the catalog at most once per slug
/// per lifetime, and a renamed slug is seen within it. At most <see cref="MaxSlugs"/> slugs are kept,
/// so that made-up slugs cannot grow the memory.
/// </summary>
public sealed class ProductScope(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    public const int MaxSlugs = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _products = new(StringComparer.Ordinal);

    /// <summary>The product id of <paramref name="slug"/>, or null when no product has it.</summary>
    public ValueTask<int?> FindAsync(string slug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slug);
        return _products.TryGetValue(slug, out var entry) && clock.GetUtcNow() < entry.ReadAt + Lifetime
            ? ValueTask.FromResult(entry.ProductId)
            : LoadAsync(slug, cancellationToken);
    }

    /// <summary>
    /// True when the caller named a <paramref name="product"/> and the key (of <paramref name="licenseProductId"/>)
    /// is not of it: the <c>product_mismatch</c> check of Verify and Deactivate. No product named: never.
    /// </summary>
    public async ValueTask<bool> IsOtherProductAsync(string? product, int? licenseProductId, CancellationToken cancellationToken) =>
        product is not null && (licenseProductId is not { } productId || await FindAsync(product, cancellationToken) != productId);

    private async ValueTask<int?> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var id = await scope.ServiceProvider.GetRequiredService<IProductCatalog>().FindProductIdAsync(slug, cancellationToken);
        if (_products.Count >= MaxSlugs)
        {
            _products.Clear();
        }

        _products[slug] = new Entry(id, clock.GetUtcNow());
        return id;
    }

    private readonly record struct Entry(int? ProductId, DateTimeOffset ReadAt);
}
