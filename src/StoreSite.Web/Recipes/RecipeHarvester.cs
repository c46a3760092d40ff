using StoreSite.Recipes;

namespace StoreSite.Web.Recipes;

/// <summary>Finds the recipes shipped in the app's <c>recipes</c> folder.</summary>
public sealed class RecipeHarvester(ILogger<RecipeHarvester> logger)
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "recipes");

    public IReadOnlyList<RecipeDescriptor> GetRecipes()
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        var recipes = new List<RecipeDescriptor>();
        foreach (var file in Directory.EnumerateFiles(Folder, "*.recipe.json").Order(StringComparer.Ordinal))
        {
            try
            {
                recipes.Add(RecipeReader.Describe(file));
            }
            catch (RecipeException ex)
            {
                logger.LogWarning("Skipping recipe file {File}: {Problem}", Path.GetFileName(file), ex.Message);
            }
        }

        return recipes;
    }

    /// <summary>A shipped recipe by name, or a recipe file by path; null when neither exists.</summary>
    public RecipeDescriptor? Find(string nameOrPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameOrPath);
        var byName = GetRecipes().FirstOrDefault(r => string.Equals(r.Name, nameOrPath, StringComparison.OrdinalIgnoreCase));
        if (byName is not null)
        {
            return byName;
        }

        if (!nameOrPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || !File.Exists(nameOrPath))
        {
            return null;
        }

        return RecipeReader.Describe(Path.GetFullPath(nameOrPath));
    }
}
