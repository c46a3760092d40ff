using System.Text.Json;
using StoreSite.Recipes;

namespace StoreSite.Web.Recipes;

/// <summary>
/// Reads recipe files, the Orchard shape, property names case-insensitive: one streaming pass checks
/// the whole file's syntax and finds the header and the steps (<see cref="Scan"/>); a step's data is
/// read from the source when it runs (<see cref="ReadStep"/>). A recipe is never read whole.
/// </summary>
public static class RecipeReader
{
    /// <summary>Checks the syntax of the whole recipe and lays it out; a JSON error is a <see cref="RecipeException"/>.</summary>
    public static RecipeLayout Scan(RecipeSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        try
        {
            using var reader = new RecipeJsonReader(source.Open());
            if (!reader.Read())
            {
                throw new JsonException("The input does not contain any JSON tokens.");
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                ReadToEnd(reader);
                throw new RecipeException("The recipe must be a JSON object.");
            }

            var header = new List<(long Offset, long Length)>();
            var steps = new List<RecipeLayout.Step>();
            var stepsFound = false;
            var hasSteps = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.Text;
                var start = reader.TokenStart;
                reader.Read();
                if (!stepsFound && string.Equals(name, "steps", StringComparison.OrdinalIgnoreCase))
                {
                    stepsFound = true;
                    hasSteps = reader.TokenType == JsonTokenType.StartArray;
                    if (hasSteps)
                    {
                        ReadSteps(reader, steps);
                    }
                    else
                    {
                        reader.Skip();
                    }

                    continue;
                }

                reader.Skip();
                header.Add((start, reader.TokenEnd - start));
            }

            ReadToEnd(reader);
            return new RecipeLayout(source, Compose(source, header), hasSteps, steps);
        }
        catch (JsonException ex)
        {
            throw new RecipeException($"The recipe is not valid JSON: {ex.Message}", ex);
        }
    }

    /// <summary>A step's object, read from the source, without the properties named in <paramref name="leftOut"/>.</summary>
    public static JsonDocument ReadStep(RecipeSource source, RecipeLayout.Step step, string? leftOut = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(step);
        try
        {
            return Compose(source, step.Properties
                .Where(p => leftOut is null || !string.Equals(p.Name, leftOut, StringComparison.OrdinalIgnoreCase))
                .Select(p => (p.Offset, p.Length)));
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

    /// <summary>The recipe file's descriptor (one streaming pass over the file).</summary>
    public static RecipeDescriptor Describe(string filePath)
    {
        using var layout = Scan(RecipeSource.FromFile(filePath));
        return Describe(layout.Header, filePath);
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

    private static void ReadSteps(RecipeJsonReader reader, List<RecipeLayout.Step> steps)
    {
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                steps.Add(new RecipeLayout.Step(false, null, []));
                continue;
            }

            var properties = new List<RecipeLayout.Property>();
            string? stepName = null;
            var nameSeen = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.Text!;
                var start = reader.TokenStart;
                reader.Read();
                var valueStart = reader.TokenStart;
                var kind = reader.TokenType;
                var text = reader.Text;
                reader.Skip();
                if (!nameSeen && string.Equals(name, "name", StringComparison.OrdinalIgnoreCase))
                {
                    nameSeen = true;
                    stepName = kind == JsonTokenType.String ? text : null;
                }

                properties.Add(new RecipeLayout.Property(name, start, reader.TokenEnd - start, valueStart, reader.TokenEnd - valueStart, kind));
            }

            steps.Add(new RecipeLayout.Step(true, stepName, properties));
        }
    }

    // Trailing content after the recipe object is a syntax error, as it is for JsonDocument.
    private static void ReadToEnd(RecipeJsonReader reader)
    {
        while (reader.Read())
        {
        }
    }

    /// <summary>An object of the given <c>"name": value</c> ranges of the source.</summary>
    private static JsonDocument Compose(RecipeSource source, IEnumerable<(long Offset, long Length)> properties)
    {
        using var json = new MemoryStream();
        json.WriteByte((byte)'{');
        var first = true;
        foreach (var (offset, length) in properties)
        {
            if (!first)
            {
                json.WriteByte((byte)',');
            }

            first = false;
            using var part = source.Open(offset, length);
            part.CopyTo(json);
        }

        json.WriteByte((byte)'}');
        return JsonDocument.Parse(json.GetBuffer().AsMemory(0, (int)json.Length), RecipeJsonReader.DocumentOptions);
    }

    private static string? Text(JsonElement obj, string name) =>
        Property(obj, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static List<string> Strings(JsonElement obj, string name) =>
        Property(obj, name) is { ValueKind: JsonValueKind.Array } array
            ? array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
            : [];
}
