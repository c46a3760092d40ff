using System.Text.Json;
using StoreSite.Recipes;

namespace CP.Commerce.Services;

/// <summary>Reads a price from a recipe, by the same rule as a money field of a form.</summary>
public static class MoneyRecipeField
{
    /// <summary>
    /// The price in <paramref name="obj"/>'s <paramref name="name"/> property, or null when it is absent
    /// (or JSON null). A JSON number as it is (<c>19.99</c>); a JSON string by the money rule of the plan
    /// editor (<see cref="Money.TryParse"/>: <c>"1,000.00"</c> is 1000, <c>"9,50"</c> is refused, never 950).
    /// </summary>
    public static decimal? Read(RecipeStepContext context, JsonElement obj, string name, string path)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.TryGetProperty(obj, name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        decimal price;
        switch (value.ValueKind)
        {
            case JsonValueKind.String when string.IsNullOrWhiteSpace(value.GetString()):
                throw context.Error(path, "is required.");
            case JsonValueKind.String:
                if (!Money.TryParse(value.GetString(), out price, out var problem))
                {
                    throw context.Error(path, problem!);
                }

                break;
            case JsonValueKind.Number:
                if (!value.TryGetDecimal(out price))
                {
                    throw context.Error(path, Money.PriceProblem);
                }

                break;
            default:
                throw context.Error(path, "must be a number, e.g. 19.99 (or a string such as \"1,000.00\").");
        }

        return Money.IsValidPrice(price) ? price : throw context.Error(path, Money.PriceProblem);
    }
}
