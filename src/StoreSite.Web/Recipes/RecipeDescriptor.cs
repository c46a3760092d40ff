namespace StoreSite.Web.Recipes;

/// <summary>A recipe's header (Orchard's recipe descriptor) and where its file is.</summary>
public sealed record RecipeDescriptor(
    string Name,
    string DisplayName,
    string Description,
    string? Author,
    string? Website,
    string? Version,
    bool IsSetupRecipe,
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> Tags,
    string FilePath);
