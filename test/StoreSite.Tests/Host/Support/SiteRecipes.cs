using Microsoft.Extensions.DependencyInjection;
using StoreSite.Tests.Infrastructure;
using StoreSite.Web.Recipes;

namespace StoreSite.Tests.Host.Support;

public static class SiteRecipes
{
    /// <summary>Runs a recipe given as JSON through the site's recipe engine.</summary>
    public static Task<RecipeResult> RunRecipeAsync(this TestSite site, string json) =>
        site.InScopeAsync(sp => sp.GetRequiredService<RecipeExecutor>().ExecuteAsync(json, CancellationToken.None));
}
