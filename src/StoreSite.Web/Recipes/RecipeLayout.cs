using System.Text.Json;
using StoreSite.Recipes;

namespace StoreSite.Web.Recipes;

/// <summary>
/// What one streaming pass over a recipe found: its header (every property but <c>steps</c>, as a
/// small document) and where each step and each of its properties lies in the source, so that a
/// step's data is read only when it runs and a streamed array never whole.
/// </summary>
public sealed class RecipeLayout(RecipeSource source, JsonDocument header, bool hasSteps, IReadOnlyList<RecipeLayout.Step> steps) : IDisposable
{
    public RecipeSource Source { get; } = source;

    /// <summary>The recipe object without its <c>steps</c>.</summary>
    public JsonElement Header => header.RootElement;

    /// <summary>False when the recipe has no <c>steps</c> array.</summary>
    public bool HasSteps { get; } = hasSteps;

    public IReadOnlyList<Step> Steps { get; } = steps;

    public void Dispose() => header.Dispose();

    /// <summary>A step: an object (with its <c>name</c> when that is a string) or some other value.</summary>
    public sealed record Step(bool IsObject, string? Name, IReadOnlyList<Property> Properties);

    /// <summary>A property of a step: from its name's quote to its value's end, and the value alone.</summary>
    public sealed record Property(string Name, long Offset, long Length, long ValueOffset, long ValueLength, JsonTokenType Kind);
}
