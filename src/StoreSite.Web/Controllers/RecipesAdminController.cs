using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using StoreSite.Web.Recipes;

namespace StoreSite.Web.Controllers;

/// <summary>Admin -> Recipes: runs a non-setup recipe on the running site and shows the result.</summary>
[Route("admin/recipes")]
public sealed class RecipesAdminController(RecipeHarvester recipes, RecipeExecutor executor) : Controller
{
    [HttpGet("")]
    [Authorize(Policy = nameof(Permissions.RunRecipes))]
    public IActionResult Index() => View(recipes.GetRecipes());

    [HttpPost("{name}/run")]
    [Authorize(Policy = nameof(Permissions.RunRecipes))]
    public async Task<IActionResult> Run(string name, CancellationToken cancellationToken)
    {
        var recipe = recipes.GetRecipes().FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));
        if (recipe is null)
        {
            return NotFound();
        }

        if (recipe.IsSetupRecipe)
        {
            TempData["Error"] = $"'{recipe.DisplayName}' is a setup recipe: it can only run when the site is set up.";
            return RedirectToAction(nameof(Index));
        }

        var result = await executor.ExecuteAsync(recipe, cancellationToken);
        TempData[result.Succeeded ? "Notice" : "Error"] = result.Succeeded
            ? $"Recipe '{recipe.DisplayName}' ran: {result.StepsRun.Count} step{(result.StepsRun.Count == 1 ? string.Empty : "s")} ({string.Join(", ", result.StepsRun)})."
            : $"Recipe '{recipe.DisplayName}' stopped and nothing was applied. {result.Error}";
        return RedirectToAction(nameof(Index));
    }
}
