using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Options;
using StoreSite.Data;
using StoreSite.Web.Data;
using StoreSite.Web.Hosting;
using StoreSite.Web.Recipes;
using StoreSite.Web.Setup;
using StoreSite.Web.ViewModels;

namespace StoreSite.Web.Controllers;

/// <summary>The first-run setup page; 404 once the site is set up.</summary>
[Route("setup")]
public sealed class SetupController(SiteState state, SetupService setup, RecipeHarvester recipes, DatabaseLocator locator, IOptions<StoreSiteOptions> options) : Controller
{
    [HttpGet("")]
    public IActionResult Index()
    {
        if (state.IsSetUp)
        {
            return NotFound();
        }

        // Prefilled from this request's own address: the person setting the site up sees it and may
        // correct it. Later requests' Host headers are never used for links (IPublicSiteAddress).
        var model = new SetupViewModel
        {
            Recipe = "store",
            PublicUrl = SiteSettingsRules.PublicUrl($"{Request.Scheme}://{Request.Host.ToUriComponent()}{Request.PathBase.ToUriComponent()}/"),
        };
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

        var publicUrl = ConfiguredPublicUrl is null ? SiteSettingsRules.PublicUrl(model.PublicUrl) : null;
        if (ConfiguredPublicUrl is not null)
        {
            // The page shows no field then: whatever was posted under its name is not looked at.
            ModelState.Remove(nameof(model.PublicUrl));
        }
        else if (publicUrl is null && ModelState.GetFieldValidationState(nameof(model.PublicUrl)) != ModelValidationState.Invalid)
        {
            ModelState.AddModelError(nameof(model.PublicUrl), string.IsNullOrWhiteSpace(model.PublicUrl) ? SetupViewModel.PublicUrlRequired : SiteSettingsRules.PublicUrlProblem);
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
        var request = new SetupRequest(model.SiteName!, model.Recipe!, database, model.AdminEmail!.Trim(), model.AdminPassword!, publicUrl);
        var problems = await setup.ValidateAsync(request, cancellationToken);
        var result = problems.Count == 0 ? await setup.SetupAsync(request, cancellationToken) : problems[0];
        if (!result.Succeeded)
        {
            foreach (var problem in problems.Count == 0 ? [result.WithoutValue()] : problems)
            {
                ModelState.AddModelError(problem.Field ?? string.Empty, SetupMessages.Of(problem));
            }

            return View(Fill(model));
        }

        if (result.Value == SetupOutcome.SetUp)
        {
            var signIn = HttpContext.RequestServices.GetRequiredService<SignInManager<StoreUser>>();
            var admin = await signIn.UserManager.FindByEmailAsync(request.AdminEmail);
            if (admin is not null)
            {
                await signIn.SignInAsync(admin, isPersistent: false);
                SetupWelcome.Mark(TempData);
                return RedirectToAction(nameof(AdminController.Index), "Admin");
            }
        }

        return RedirectToAction(nameof(HomeController.Index), "Home");
    }

    private SetupViewModel Fill(SetupViewModel model)
    {
        model.Recipes = recipes.GetRecipes().Where(r => r.IsSetupRecipe).ToList();
        model.DatabaseConfigured = locator.IsConfigured;
        model.ConfiguredPublicUrl = ConfiguredPublicUrl;
        return model;
    }

    /// <summary><c>StoreSite:PublicUrl</c> when set: it wins, so the page shows it and records nothing.</summary>
    private string? ConfiguredPublicUrl => SiteSettingsRules.PublicUrl(options.Value.PublicUrl);
}
