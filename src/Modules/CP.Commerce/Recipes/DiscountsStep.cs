using System.Globalization;
using System.Text.Json;
using CP.Commerce.Data;
using CP.Commerce.Discounts;
using CP.Commerce.Models;
using CP.Commerce.Services;
using Microsoft.EntityFrameworkCore;
using StoreSite.Recipes;

namespace CP.Commerce.Recipes;

/// <summary>
/// <c>{"name": "Discounts", "discounts": [{"code": "SPRING25", "percent": 25 | "amount": 10.00,
/// "appliesTo": "all" | "new" | "renewals", "products": ["slug", …], "plans": [{"product": "slug", "plan": "name"}, …],
/// "validFrom": "2026-03-01", "validUntil": "2026-03-31" | null, "maxRedemptions": 100, "maxPerCustomer": 1,
/// "active": true}]}</c>: creates discount codes by the rules of Admin -> Discounts (<see cref="DiscountWriter"/>);
/// a plan is named by its product's slug and its own name (exactly, and only one plan of the product may
/// bear it); a line counts when its product is in <c>products</c> or its plan in <c>plans</c>, and both
/// empty or absent is every product; a limit of 0 (or absent) is unlimited. Anything wrong stops the
/// recipe, naming the field.
/// </summary>
public sealed class DiscountsStep(DiscountWriter writer, CommerceDbContext db) : IRecipeStep
{
    private static readonly string[] PlanFields = ["product", "plan"];

    private static readonly string[] Fields = ["code", "percent", "amount", "appliesTo", "products", "plans", "validFrom", "validUntil", "maxRedemptions", "maxPerCustomer", "active"];

    public string Name => "Discounts";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (item, path) in context.Array(context.Data, "discounts", "discounts"))
        {
            context.RequireObject(item, path);
            ProductsStep.RejectUnknown(context, item, path, Fields, "discount field", Fields);

            var code = context.RequiredString(item, "code", $"{path}.code");
            var percent = context.OptionalInt(item, "percent", $"{path}.percent", 1, 100);
            var amount = MoneyRecipeField.Read(context, item, "amount", $"{path}.amount");
            if (percent is not null && amount is not null)
            {
                throw context.Error($"{path}.amount", "Give either percent or amount, not both.");
            }

            if (percent is null && amount is null)
            {
                throw context.Error($"{path}.percent", "Give percent (1 to 100) or amount.");
            }

            var draft = new DiscountDraft(
                code,
                percent is null ? DiscountKind.Amount : DiscountKind.Percent,
                percent ?? amount,
                ReadAppliesTo(context, item, $"{path}.appliesTo"),
                await ReadProductsAsync(context, item, $"{path}.products", cancellationToken),
                await ReadPlansAsync(context, item, $"{path}.plans", cancellationToken),
                ReadDate(context, item, "validFrom", $"{path}.validFrom"),
                ReadDate(context, item, "validUntil", $"{path}.validUntil"),
                context.OptionalInt(item, "maxRedemptions", $"{path}.maxRedemptions", 0, DiscountWriter.MaxLimit) ?? 0,
                context.OptionalInt(item, "maxPerCustomer", $"{path}.maxPerCustomer", 0, DiscountWriter.MaxLimit) ?? 0,
                context.OptionalBool(item, "active", $"{path}.active") ?? true);
            if (DiscountCode.Normalize(code) is { } normalized && !codes.Add(normalized))
            {
                throw context.Error($"{path}.code", $"The code {normalized} is given twice (codes are the same in upper and lower case).");
            }

            if ((await writer.CheckAsync(draft, null, cancellationToken)).FirstOrDefault() is { } problem)
            {
                throw context.Error($"{path}.{RecipeField(problem.Field)}", problem.Message);
            }

            await writer.SaveAsync(draft, null, cancellationToken);
        }
    }

    private static string RecipeField(string field) => field switch
    {
        DiscountField.ProductIds => "products",
        DiscountField.PlanIds => "plans",
        _ => char.ToLowerInvariant(field[0]) + field[1..],
    };

    private static DiscountAppliesTo ReadAppliesTo(RecipeStepContext context, JsonElement item, string path) =>
        context.OptionalString(item, "appliesTo", path)?.Trim().ToUpperInvariant() switch
        {
            null or "ALL" => DiscountAppliesTo.All,
            "NEW" => DiscountAppliesTo.New,
            "RENEWALS" => DiscountAppliesTo.Renewals,
            _ => throw context.Error(path, "must be all, new or renewals."),
        };

    private static DateOnly? ReadDate(RecipeStepContext context, JsonElement item, string name, string path)
    {
        var text = context.OptionalString(item, name, path);
        return text is null
            ? null
            : DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : throw context.Error(path, $"'{Excerpt(text)}' is not a date YYYY-MM-DD (or null).");
    }

    private async Task<IReadOnlyCollection<int>> ReadProductsAsync(RecipeStepContext context, JsonElement item, string path, CancellationToken cancellationToken)
    {
        var slugs = context.StringArray(item, "products", path);
        if (slugs.Count > DiscountWriter.MaxProducts)
        {
            throw context.Error(path, $"Choose at most {DiscountWriter.MaxProducts} products, or none for every product.");
        }

        var ids = new List<int>();
        for (var i = 0; i < slugs.Count; i++)
        {
            var slug = slugs[i];
            ids.Add(await ProductIdAsync(slug, cancellationToken) ?? throw context.Error(string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"), $"No product has the slug '{Excerpt(slug)}'."));
        }

        return ids;
    }

    private async Task<IReadOnlyCollection<int>> ReadPlansAsync(RecipeStepContext context, JsonElement item, string path, CancellationToken cancellationToken)
    {
        var entries = context.Array(item, "plans", path).ToList();
        if (entries.Count > DiscountWriter.MaxPlans)
        {
            throw context.Error(path, $"Choose at most {DiscountWriter.MaxPlans} plans, or none.");
        }

        var ids = new List<int>();
        foreach (var (entry, entryPath) in entries)
        {
            context.RequireObject(entry, entryPath);
            ProductsStep.RejectUnknown(context, entry, entryPath, PlanFields, "plan field", PlanFields);
            var slug = context.RequiredString(entry, "product", $"{entryPath}.product");
            var name = context.RequiredString(entry, "plan", $"{entryPath}.plan");
            var productId = await ProductIdAsync(slug, cancellationToken);
            if (productId is null)
            {
                throw context.Error(entryPath, $"No product has the slug '{Excerpt(slug)}'.");
            }

            var matches = name.Length > PricingPlanConfiguration.NameLength
                ? []
                : await db.Plans.Where(p => p.ProductId == productId && p.Name == name).Select(p => p.Id).Take(2).ToListAsync(cancellationToken);
            ids.Add(matches.Count switch
            {
                1 => matches[0],
                0 => throw context.Error(entryPath, $"The product '{Excerpt(slug)}' has no plan named '{Excerpt(name)}'."),
                _ => throw context.Error(entryPath, $"The product '{Excerpt(slug)}' has more than one plan named '{Excerpt(name)}': rename one to choose it."),
            });
        }

        return ids;
    }

    /// <summary>The id of the product with <paramref name="slug"/>; null when none has it.</summary>
    private async Task<int?> ProductIdAsync(string slug, CancellationToken cancellationToken) =>
        slug.Length > ProductConfiguration.SlugLength
            ? null
            : await db.Products.Where(p => p.Slug == slug).Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken);

    private static string Excerpt(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
