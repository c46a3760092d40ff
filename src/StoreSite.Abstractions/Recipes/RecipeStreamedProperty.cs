using System.Text.Json;

namespace StoreSite.Recipes;

/// <summary>Where a streaming step's array lies in the recipe: its value's bytes and first token.</summary>
public sealed record RecipeStreamedProperty(string Name, RecipeSource Source, long Offset, long Length, JsonTokenType Kind);
