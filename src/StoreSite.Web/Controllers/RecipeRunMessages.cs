using StoreSite.Web.Recipes;

namespace StoreSite.Web.Controllers;

/// <summary>The words the admin reads about a recipe run on Admin -> Recipes.</summary>
public static class RecipeRunMessages
{
    public static string SetupRecipe(RecipeDescriptor recipe)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        return $"'{recipe.DisplayName}' is a setup recipe: it can only run when the site is set up.";
    }

    public static string Ran(RecipeDescriptor recipe, RecipeResult result)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        ArgumentNullException.ThrowIfNull(result);
        return $"Recipe '{recipe.DisplayName}' ran: {result.StepsRun.Count} step{(result.StepsRun.Count == 1 ? string.Empty : "s")} ({string.Join(", ", result.StepsRun)}).";
    }

    /// <summary>The run stopped; the recipe's error names the step and field.</summary>
    public static string Stopped(RecipeDescriptor recipe, RecipeResult result)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        ArgumentNullException.ThrowIfNull(result);
        return $"Recipe '{recipe.DisplayName}' stopped and nothing was applied. {result.Error}";
    }
}
