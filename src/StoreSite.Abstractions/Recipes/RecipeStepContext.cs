using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace StoreSite.Recipes;

/// <summary>
/// What a step gets: its JSON, its position, the modules enabled at this point of the recipe
/// (the <c>feature</c> step changes them) and readers that name the field when a value is wrong.
/// Every read is case-insensitive on property names, as Orchard's recipes are.
/// </summary>
public sealed class RecipeStepContext(
    string recipeName,
    string stepName,
    int stepNumber,
    JsonElement data,
    ISet<string> enabledModules,
    IServiceProvider services)
{
    public string RecipeName { get; } = recipeName;

    public string StepName { get; } = stepName;

    /// <summary>1-based.</summary>
    public int StepNumber { get; } = stepNumber;

    /// <summary>The step object itself (including its <c>name</c>).</summary>
    public JsonElement Data { get; } = data;

    /// <summary>Modules enabled at this point of the recipe run. The <c>feature</c> step edits it.</summary>
    public ISet<string> EnabledModules { get; } = enabledModules;

    public IServiceProvider Services { get; } = services;

    /// <summary>The folder of the recipe file, against which a step resolves the files it names; null for a recipe given as text.</summary>
    public string? Folder { get; init; }

    /// <summary>An error naming this step and <paramref name="field"/>; throw it.</summary>
    public RecipeException Error(string field, string problem) => new(StepNumber, StepName, field, problem);

    public bool TryGetProperty(JsonElement obj, string name, out JsonElement value)
    {
        if (obj.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in obj.EnumerateObject())
            {
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    value = property.Value;
                    return value.ValueKind != JsonValueKind.Null && value.ValueKind != JsonValueKind.Undefined;
                }
            }
        }

        value = default;
        return false;
    }

    public string? OptionalString(JsonElement obj, string name, string path)
    {
        if (!TryGetProperty(obj, name, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw Error(path, "must be a string.");
    }

    public string RequiredString(JsonElement obj, string name, string path)
    {
        var value = OptionalString(obj, name, path);
        return string.IsNullOrWhiteSpace(value) ? throw Error(path, "is required.") : value.Trim();
    }

    public bool? OptionalBool(JsonElement obj, string name, string path)
    {
        if (!TryGetProperty(obj, name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Error(path, "must be true or false."),
        };
    }

    public int? OptionalInt(JsonElement obj, string name, string path, int min = int.MinValue, int max = int.MaxValue)
    {
        if (!TryGetProperty(obj, name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
        {
            throw Error(path, "must be a whole number.");
        }

        return number < min || number > max
            ? throw Error(path, string.Create(CultureInfo.InvariantCulture, $"must be between {min} and {max}."))
            : number;
    }

    /// <summary>
    /// A JSON number, or a string of digits with an optional leading minus and a point for the
    /// decimals, read the same in every culture. Commas, exponents and white space are refused, so
    /// that <c>"9,50"</c> is an error, never 950 (money fields: use the money rule of CP.Commerce).
    /// </summary>
    public decimal? OptionalDecimal(JsonElement obj, string name, string path)
    {
        if (!TryGetProperty(obj, name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number))
        {
            return number;
        }

        if (value.ValueKind == JsonValueKind.String
            && decimal.TryParse(value.GetString(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number))
        {
            return number;
        }

        throw Error(path, "must be a decimal number.");
    }

    /// <summary>The items of an array property with their paths; an absent property is an empty array.</summary>
    public IEnumerable<(JsonElement Item, string Path)> Array(JsonElement obj, string name, string path)
    {
        if (!TryGetProperty(obj, name, out var value))
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Error(path, "must be an array.");
        }

        return value.EnumerateArray()
            .Select((item, index) => (item, string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]")))
            .ToList();
    }

    /// <summary>Set by the engine for an <see cref="IStreamingRecipeStep"/>: its array, left out of <see cref="Data"/>.</summary>
    public RecipeStreamedProperty? Streamed { get; init; }

    /// <summary>
    /// The items of a step's array property with their paths, as <see cref="Array"/> gives them, but
    /// read from the recipe one item at a time when the engine streams that property (an item is
    /// valid until the next is asked for); from <see cref="Data"/> otherwise.
    /// </summary>
    public async IAsyncEnumerable<(JsonElement Item, string Path)> StreamArrayAsync(string name, string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (Streamed is not { } streamed || !string.Equals(streamed.Name, name, StringComparison.OrdinalIgnoreCase))
        {
            foreach (var entry in Array(Data, name, path))
            {
                yield return entry;
            }

            yield break;
        }

        if (streamed.Kind == JsonTokenType.Null)
        {
            yield break;
        }

        if (streamed.Kind != JsonTokenType.StartArray)
        {
            throw Error(path, "must be an array.");
        }

        using var reader = new RecipeJsonReader(streamed.Source.Open(streamed.Offset, streamed.Length), streamed.Offset);
        reader.Read();
        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var item = reader.ReadValue();
            yield return (item.RootElement, string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]"));
            index++;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <summary>The items of an array of strings.</summary>
    public IReadOnlyList<string> StringArray(JsonElement obj, string name, string path) =>
        Array(obj, name, path)
            .Select(entry => entry.Item.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(entry.Item.GetString())
                ? entry.Item.GetString()!.Trim()
                : throw Error(entry.Path, "must be a non-empty string."))
            .ToList();

    /// <summary>Checks that an array item is a JSON object.</summary>
    public JsonElement RequireObject(JsonElement item, string path) =>
        item.ValueKind == JsonValueKind.Object ? item : throw Error(path, "must be an object.");

    /// <summary>
    /// The full path of a file a recipe names (<paramref name="relative"/> to the recipe file, e.g. a
    /// release's file or a product's image), which must lie inside the recipe's folder; refuses absolute
    /// paths, <c>..</c> escapes and missing files, naming <paramref name="field"/>.
    /// </summary>
    public string ResolveFile(string relative, string field)
    {
        ArgumentNullException.ThrowIfNull(relative);
        if (Folder is not { } folder)
        {
            throw Error(field, "this recipe was given as text, so it has no folder to read files from.");
        }

        if (Path.IsPathRooted(relative) || relative.Contains(':', StringComparison.Ordinal))
        {
            throw Error(field, $"'{relative}' must be a path relative to the recipe file.");
        }

        var root = Path.GetFullPath(folder);
        var full = Path.GetFullPath(Path.Combine(root, relative));
        if (!full.StartsWith(Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw Error(field, $"'{relative}' leaves the recipe's folder.");
        }

        return File.Exists(full) ? full : throw Error(field, $"there is no file '{relative}' next to the recipe.");
    }
}
