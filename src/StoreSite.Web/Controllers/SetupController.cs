using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using StoreSite.Data;
using StoreSite.Web.Data;
using StoreSite.Web.Recipes;
using StoreSite.Web.Setup;
using StoreSite.Web.ViewModels;

namespace StoreSite.Web.Controllers;

/// <summary>The first-run setup page; 404 once the site is set up.</summary>
[Route("setup")]
public sealed class SetupController(SiteState state, SetupService setup, RecipeHarvester recipes, DatabaseLocator locator) : Controller
{
    [HttpGet("")]
    public IActionResult Index()
    {
        if (state.IsSetUp)
        {
            return NotFound();
        }

        var model = new SetupViewModel { Recipe = "store" };
        return View(Fill(model));
    }

    [HttpPost("")]
    public async Task<IActionResult> Index(SetupViewModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (state.IsSetUp)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return View(Fill(model));
        }

        var database = locator.IsConfigured
            ? locator.Locate()!
            : model.DatabaseProvider == nameof(DatabaseProvider.Postgres)
                ? new DatabaseConnectionInfo(DatabaseProvider.Postgres, model.ConnectionString?.Trim() ?? string.Empty)
                : locator.DefaultSqlite;
        var request = new SetupRequest(model.SiteName!, model.Recipe!, database, model.AdminEmail!.Trim(), model.AdminPassword!);
        var result = await setup.SetupAsync(request, cancellationToken);
        if (result.Outcome == SetupOutcome.Failed)
        {
            foreach (var (field, message) in result.Errors)
            {
                ModelState.AddModelError(field, message);
            }

            return View(Fill(model));
        }

        if (result.Outcome == SetupOutcome.SetUp)
        {
            var signIn = HttpContext.RequestServices.GetRequiredService<SignInManager<StoreUser>>();
            var admin = await signIn.UserManager.FindByEmailAsync(request.AdminEmail);
            if (admin is not null)
            {
                await signIn.SignInAsync(admin, isPersistent: false);
                return Redirect("/admin");
            }
        }

        return Redirect("/");
    }

    private SetupViewModel Fill(SetupViewModel model)
    {
        model.Recipes = recipes.GetRecipes().Where(r => r.IsSetupRecipe).ToList();
        model.DatabaseConfigured = locator.IsConfigured;
        return model;
    }
}
