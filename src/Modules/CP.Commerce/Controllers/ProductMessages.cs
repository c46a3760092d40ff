using CP.Commerce.Models;
using CP.Commerce.Services;
using StoreSite;

namespace CP.Commerce.Controllers;

/// <summary>The words the admin reads about products and plans, chosen from the <see cref="ProductProblems"/> code.</summary>
public static class ProductMessages
{
    public const string SlugTaken = "Another product already uses this slug.";
    public const string Archived = "Product archived: it is no longer shown or sold.";
    public const string Restored = "Product restored.";

    public static string Created(Product product) => $"Product {Name(product)} created. Add its pricing plans below.";

    public static string Saved(Product product) => $"Product {Name(product)} saved.";

    public static string PlanSaved(PricingPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return $"Plan {plan.Name} saved.";
    }

    /// <summary>Why a product was not saved.</summary>
    public static string Refused(Outcome outcome) => outcome.Problem switch
    {
        ProductProblems.SlugTaken => SlugTaken,
        _ => $"The product was not saved ({outcome.Problem}).",
    };

    private static string Name(Product product)
    {
        ArgumentNullException.ThrowIfNull(product);
        return product.Name;
    }
}
