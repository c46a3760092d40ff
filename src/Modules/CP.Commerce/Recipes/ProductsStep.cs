using System.Text.Json;
using CP.Commerce.Controllers;
using CP.Commerce.Data;
using CP.Commerce.Images;
using CP.Commerce.Models;
using CP.Commerce.Plans;
using CP.Commerce.Services;
using StoreSite.Recipes;

namespace CP.Commerce.Recipes;

/// <summary>
/// <c>{"name": "Products", "products": [{"name": "…", "slug": "…", "description": "…", "active": true,
/// "plans": [{"name": "…", "price": 19.99, "active": true, "licensing": {…}}]}]}</c>: creates products
/// with their plans. A price is a JSON number, or a string read by the plan editor's money rule
/// (<c>"1,000.00"</c>; <c>"9,50"</c> stops the recipe). A plan property other than name, price and
/// active must be the name of an enabled plan editor extension, which reads and validates it;
/// anything wrong stops the recipe. A product's <c>image</c> is a PNG, JPEG or WebP file relative to the
/// recipe file (inside its folder), with an optional <c>imageAlt</c>; it is checked as an upload in the
/// product editor is, and the images this step stored before a later refusal are removed again.
/// </summary>
public sealed class ProductsStep(ProductWriter writer, PlanEditorExtensions extensions, ProductImages images) : IRecipeStep
{
    private static readonly string[] ProductFields = ["name", "slug", "summary", "description", "active", "image", "imageAlt", "plans"];
    private static readonly string[] PlanFields = ["name", "price", "active"];

    public string Name => "Products";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var planExtensions = extensions.EnabledIn(context.EnabledModules);
        var stored = new List<(int ProductId, string Version)>();
        try
        {
            await AddProductsAsync(context, planExtensions, stored, cancellationToken);
        }
        catch
        {
            foreach (var (productId, version) in stored)
            {
                await images.DeleteFilesAsync(productId, version);
            }

            throw;
        }
    }

    private async Task AddProductsAsync(RecipeStepContext context, IReadOnlyList<IPlanEditorExtension> planExtensions, List<(int ProductId, string Version)> stored, CancellationToken cancellationToken)
    {
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (item, path) in context.Array(context.Data, "products", "products"))
        {
            context.RequireObject(item, path);
            RejectUnknown(context, item, path, ProductFields, "product field", ProductFields);
            var name = context.RequiredString(item, "name", $"{path}.name");
            if (name.Length > ProductConfiguration.NameLength)
            {
                throw context.Error($"{path}.name", $"must be at most {ProductConfiguration.NameLength} characters.");
            }

            var slug = context.OptionalString(item, "slug", $"{path}.slug")?.Trim();
            if (slug is not null && !ProductSlug.IsValid(slug))
            {
                throw context.Error($"{path}.slug", ProductSlug.Problem);
            }

            if (slug is not null && (slugs.Contains(slug) || await writer.IsSlugTakenAsync(slug, null, cancellationToken)))
            {
                throw context.Error($"{path}.slug", $"A product with the slug '{slug}' already exists.");
            }

            var summary = ProductSummaryText.Clean(context.OptionalString(item, "summary", $"{path}.summary"));
            if (summary.Length > ProductConfiguration.SummaryLength)
            {
                throw context.Error($"{path}.summary", $"must be at most {ProductConfiguration.SummaryLength} characters.");
            }

            var description = context.OptionalString(item, "description", $"{path}.description") ?? string.Empty;
            if (description.Length > ProductConfiguration.DescriptionLength)
            {
                throw context.Error($"{path}.description", $"must be at most {ProductConfiguration.DescriptionLength} characters.");
            }

            var image = context.OptionalString(item, "image", $"{path}.image") is { } relative ? context.ResolveFile(relative, $"{path}.image") : null;
            var imageAlt = context.OptionalString(item, "imageAlt", $"{path}.imageAlt");
            if (image is null && imageAlt is not null)
            {
                throw context.Error($"{path}.imageAlt", "is only used with an 'image'.");
            }

            var plans = context.Array(item, "plans", $"{path}.plans").ToList();
            if (plans.Count == 0)
            {
                throw context.Error($"{path}.plans", "A product needs at least one plan.");
            }

            var product = new Product
            {
                Name = name,
                Slug = slug ?? await writer.FreeSlugForAsync(name, cancellationToken),
                Summary = summary,
                Description = description,
                IsActive = context.OptionalBool(item, "active", $"{path}.active") ?? true,
            };
            slugs.Add(product.Slug);
            if (!(await writer.SaveProductAsync(product, cancellationToken)).Succeeded)
            {
                throw context.Error($"{path}.slug", $"A product with the slug '{product.Slug}' already exists.");
            }

            foreach (var (planItem, planPath) in plans)
            {
                await AddPlanAsync(context, product, planItem, planPath, planExtensions, cancellationToken);
            }

            if (image is not null)
            {
                await using var content = File.OpenRead(image);
                var outcome = await images.SaveAsync(new ProductImageUpload(product.Id, content, imageAlt), cancellationToken);
                if (!outcome.Succeeded)
                {
                    throw context.Error(outcome.Field == ProductImageProblems.FieldAlt ? $"{path}.imageAlt" : $"{path}.image", ProductImageMessages.Refused(outcome.WithoutValue()));
                }

                stored.Add((product.Id, outcome.Value!));
            }
        }
    }

    private async Task AddPlanAsync(RecipeStepContext context, Product product, JsonElement item, string path, IReadOnlyList<IPlanEditorExtension> planExtensions, CancellationToken cancellationToken)
    {
        context.RequireObject(item, path);
        var known = PlanFields.Concat(planExtensions.Select(e => e.Name)).ToList();
        RejectUnknown(context, item, path, known, "plan setting", known);
        var name = context.RequiredString(item, "name", $"{path}.name");
        if (name.Length > PricingPlanConfiguration.NameLength)
        {
            throw context.Error($"{path}.name", $"must be at most {PricingPlanConfiguration.NameLength} characters.");
        }

        var price = ReadPrice(context, item, $"{path}.price");

        var sections = new List<(IPlanEditorExtension, object)>();
        foreach (var extension in planExtensions)
        {
            if (context.TryGetProperty(item, extension.Name, out var json))
            {
                sections.Add((extension, await extension.ReadRecipeAsync(json, context, $"{path}.{extension.Name}", cancellationToken)));
            }
        }

        var plan = new PricingPlan { ProductId = product.Id, Name = name, Price = price, IsActive = context.OptionalBool(item, "active", $"{path}.active") ?? true };
        await writer.SavePlanAsync(plan, sections, cancellationToken);
    }

    private static decimal ReadPrice(RecipeStepContext context, JsonElement item, string path) =>
        MoneyRecipeField.Read(context, item, "price", path) ?? throw context.Error(path, "is required.");

    /// <summary>Stops the recipe at the first property of <paramref name="item"/> not in <paramref name="allowed"/>, naming it and listing <paramref name="listed"/>.</summary>
    internal static void RejectUnknown(RecipeStepContext context, JsonElement item, string path, IReadOnlyCollection<string> allowed, string what, IEnumerable<string> listed)
    {
        foreach (var property in item.EnumerateObject())
        {
            if (!allowed.Contains(property.Name, StringComparer.OrdinalIgnoreCase))
            {
                throw context.Error($"{path}.{property.Name}", $"Unknown {what} '{property.Name}'. Known: {string.Join(", ", listed)}.");
            }
        }
    }
}
