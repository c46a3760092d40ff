using System.ComponentModel.DataAnnotations;
using StoreSite.Web.Recipes;

namespace StoreSite.Web.ViewModels;

public sealed class SetupViewModel
{
    [Display(Name = "Site name")]
    [Required(ErrorMessage = "Enter the site name.")]
    [StringLength(SiteSettingsRules.MaxSiteNameLength, ErrorMessage = "The site name must be at most 100 characters.")]
    public string? SiteName { get; set; }

    [Display(Name = "Recipe")]
    [Required(ErrorMessage = "Choose a recipe.")]
    [StringLength(100)]
    public string? Recipe { get; set; }

    [Display(Name = "Database")]
    [Required(ErrorMessage = "Choose a database.")]
    [RegularExpression("^(Sqlite|Postgres)$", ErrorMessage = "Choose SQLite or PostgreSQL.")]
    public string DatabaseProvider { get; set; } = "Sqlite";

    [Display(Name = "PostgreSQL connection string")]
    [StringLength(1000, ErrorMessage = "The connection string must be at most 1000 characters.")]
    public string? ConnectionString { get; set; }

    [Display(Name = "Admin email")]
    [Required(ErrorMessage = "Enter the admin's email address.")]
    [StringLength(256, ErrorMessage = "The email address must be at most 256 characters.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    public string? AdminEmail { get; set; }

    [Display(Name = "Admin password")]
    [Required(ErrorMessage = "Enter a password for the admin.")]
    [StringLength(128, ErrorMessage = "The password must be at most 128 characters.")]
    [DataType(DataType.Password)]
    public string? AdminPassword { get; set; }

    [Display(Name = "Confirm password")]
    [DataType(DataType.Password)]
    [Compare(nameof(AdminPassword), ErrorMessage = "The passwords do not match.")]
    public string? ConfirmPassword { get; set; }

    public const string PublicUrlRequired = "Enter the address customers open the store at, such as https://store.example.com/.";

    /// <summary>Recorded in the site settings; links in mail start with it (unless configuration sets one).</summary>
    [Display(Name = "Public address of the store")]
    [StringLength(SiteSettingsRules.MaxPublicUrlLength, ErrorMessage = SiteSettingsRules.PublicUrlProblem)]
    public string? PublicUrl { get; set; }

    public IReadOnlyList<RecipeDescriptor> Recipes { get; set; } = [];

    /// <summary><c>StoreSite:PublicUrl</c> when configuration sets it; the form then shows it instead of the field.</summary>
    public string? ConfiguredPublicUrl { get; set; }

    /// <summary>True when configuration fixes the database; the form then shows no choice.</summary>
    public bool DatabaseConfigured { get; set; }
}
