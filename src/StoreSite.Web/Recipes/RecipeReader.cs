using System.Text.Json;
using StoreSite.Recipes;

namespace StoreSite.Web.Recipes;

/// <summary>Parses recipe files: the Orchard shape, property names case-insensitive.</summary>
public static class RecipeReader
{
    public static JsonDocument Parse(string json)
    {
        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new RecipeException($"The recipe is not valid JSON: {ex.Message}", ex);
        }
    }

    public static RecipeDescriptor Describe(JsonElement root, string filePath)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new RecipeException("The recipe must be a JSON object.");
        }

        var name = Text(root, "name");
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new RecipeException("The recipe has no 'name'.");
        }

        return new RecipeDescriptor(
            name,
            Text(root, "displayName") ?? name,
            Text(root, "description") ?? string.Empty,
            Text(root, "author"),
            Text(root, "website"),
            Text(root, "version"),
            Property(root, "issetuprecipe") is { ValueKind: JsonValueKind.True },
            Strings(root, "categories"),
            Strings(root, "tags"),
            filePath);
    }

    public static JsonElement? Property(JsonElement obj, string name)
    {
        foreach (var property in obj.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    private static string? Text(JsonElement obj, string name) =>
        Property(obj, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static List<string> Strings(JsonElement obj, string name) =>
        Property(obj, name) is { ValueKind: JsonValueKind.Array } array
            ? array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
            : [];
}
