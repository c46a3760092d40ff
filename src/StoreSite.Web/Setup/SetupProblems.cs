namespace StoreSite.Web.Setup;

/// <summary>The stable codes of a refused setup; each refusal names the setup form's field it concerns.</summary>
public static class SetupProblems
{
    public const string SiteNameInvalid = "site_name_invalid";
    public const string PublicUrlInvalid = "public_url_invalid";

    /// <summary>The recipe path names a file that is no recipe or cannot be read (the detail says why).</summary>
    public const string RecipeUnusable = "recipe_unusable";
    public const string RecipeRequired = "recipe_required";

    /// <summary>The recipe exists but is not a setup recipe (the detail is its name).</summary>
    public const string NotASetupRecipe = "not_a_setup_recipe";
    public const string AdminEmailInvalid = "admin_email_invalid";
    public const string ConnectionStringRequired = "connection_string_required";

    /// <summary>The database could not be reached (the detail is the provider's message).</summary>
    public const string DatabaseUnreachable = "database_unreachable";
    public const string AdminPasswordRequired = "admin_password_required";

    /// <summary>The password rules refused the admin's password (the detail is their descriptions).</summary>
    public const string AdminPasswordRefused = "admin_password_refused";

    /// <summary>The setup recipe stopped (the detail names the step and field); nothing was applied.</summary>
    public const string RecipeFailed = "recipe_failed";

    /// <summary>The admin account could not be created (the detail is Identity's descriptions); nothing was applied.</summary>
    public const string AdminNotCreated = "admin_not_created";

    /// <summary>The name of the field of the database connection string (it is not a <see cref="SetupRequest"/> property).</summary>
    public const string ConnectionStringField = "ConnectionString";
}
