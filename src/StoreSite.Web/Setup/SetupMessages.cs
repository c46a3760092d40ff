using StoreSite.Web.Recipes;

namespace StoreSite.Web.Setup;

/// <summary>The words the setup form (or the auto-setup error) shows, chosen from the <see cref="SetupProblems"/> code.</summary>
public static class SetupMessages
{
    public static string Of(Outcome problem) => problem.Problem switch
    {
        SetupProblems.SiteNameInvalid => SiteSettingsRules.SiteNameProblem,
        SetupProblems.PublicUrlInvalid => SiteSettingsRules.PublicUrlProblem,
        SetupProblems.RecipeUnusable => $"That recipe file cannot be used: {problem.Detail}",
        SetupProblems.RecipeRequired => "Choose one of the setup recipes.",
        SetupProblems.NotASetupRecipe => $"'{problem.Detail}' is not a setup recipe.",
        SetupProblems.AdminEmailInvalid => "Enter a valid email address for the admin account.",
        SetupProblems.ConnectionStringRequired => "Enter the PostgreSQL connection string.",
        SetupProblems.DatabaseUnreachable => $"Could not connect to the database: {problem.Detail}",
        SetupProblems.AdminPasswordRequired => "Enter a password for the admin account.",
        SetupProblems.AdminPasswordRefused or SetupProblems.RecipeFailed or SetupProblems.AdminNotCreated => problem.Detail ?? problem.Problem!,
        _ => $"Setup was refused ({problem.Problem}).",
    };
}
