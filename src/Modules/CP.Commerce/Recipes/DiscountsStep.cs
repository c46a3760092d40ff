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
/// "appliesTo": "all" | "new" | "renewals", "products": ["slug", …], "validFrom": "2026-03-01",
/// "validUntil": "2026-03-31" | null, "maxRedemptions": 100, "maxPerCustomer": 1, "active": true}]}</c>:
/// creates discount codes by the rules of Admin -> Discounts (<see cref="DiscountWriter"/>); an empty or
/// absent <c>products</c> is every product, a limit of 0 (or absent) is unlimited. Anything wrong stops
/// the recipe, naming the field.
/// </summary>
public sealed class DiscountsStep(DiscountWriter writer, CommerceDbContext db) : IRecipeStep
{
    private static readonly string[] Fields = ["code", "percent", "amount", "appliesTo", "products", "validFrom", "validUntil", "maxRedemptions", "maxPerCustomer", "active"];

    public string Name => "Discounts";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (item, path) in context.Array(context.Data, "discounts", "discounts"))
        {
            context.RequireObject(item, path);
            foreach (var property in item.EnumerateObject())
            {
                if (!Fields.Contains(property.Name, StringComparer.OrdinalIgnoreCase))
                {
                    throw context.Error($"{path}.{property.Name}", $"Unknown discount field '{property.Name}'. Known: {string.Join(", ", Fields)}.");
                }
            }

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
            var id = slug.Length > ProductConfiguration.SlugLength
                ? null
                : await db.Products.Where(p => p.Slug == slug).Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken);
            ids.Add(id ?? throw context.Error(string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"), $"No product has the slug '{Excerpt(slug)}'."));
        }

        return ids;
    }

    private static string Excerpt(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
