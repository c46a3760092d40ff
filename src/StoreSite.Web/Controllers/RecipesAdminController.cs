using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using StoreSite.Notifications;
using StoreSite.Web.Recipes;

namespace StoreSite.Web.Controllers;

/// <summary>Admin -> Recipes: runs a non-setup recipe on the running site and shows the result.</summary>
[Route("admin/recipes")]
public sealed class RecipesAdminController(RecipeHarvester recipes, RecipeExecutor executor, INotifier notifier) : Controller
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
            notifier.Error(RecipeRunMessages.SetupRecipe(recipe));
            return RedirectToAction(nameof(Index));
        }

        var result = await executor.ExecuteAsync(recipe, cancellationToken);
        if (result.Succeeded)
        {
            notifier.Success(RecipeRunMessages.Ran(recipe, result));
        }
        else
        {
            notifier.Error(RecipeRunMessages.Stopped(recipe, result));
        }

        return RedirectToAction(nameof(Index));
    }
}
