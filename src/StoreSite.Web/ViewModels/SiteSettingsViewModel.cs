using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using StoreSite.Web.Recipes;

namespace StoreSite.Web.ViewModels;

public sealed class SiteSettingsViewModel
{
    [Display(Name = "Site name")]
    [Required(ErrorMessage = "Enter the site name.")]
    [StringLength(SiteSettingsRules.MaxSiteNameLength, ErrorMessage = "The site name must be at most 100 characters.")]
    public string? SiteName { get; set; }

    [Display(Name = "Time zone")]
    [Required(ErrorMessage = "Choose a time zone.")]
    [StringLength(100)]
    public string? TimeZone { get; set; }

    [Display(Name = "Page size")]
    [Range(SiteSettingsRules.MinPageSize, SiteSettingsRules.MaxPageSize, ErrorMessage = "The page size must be between 5 and 200.")]
    public int PageSize { get; set; }

    [Display(Name = "Currency")]
    [Required(ErrorMessage = "Choose a currency.")]
    [StringLength(3, MinimumLength = 3, ErrorMessage = SiteSettingsRules.CurrencyProblem)]
    public string? Currency { get; set; }

    /// <summary>The currency code the admin confirmed changing to (the confirmation's button); a change on a store with orders or prices is refused without it.</summary>
    public string? ConfirmCurrency { get; set; }

    /// <summary>Set while a currency change waits for the confirmation: the page shows what changes and the button.</summary>
    [BindNever]
    public CurrencyChangeViewModel? CurrencyChange { get; set; }

    [BindNever]
    public IReadOnlyList<SelectListItem> TimeZones { get; set; } = [];

    [BindNever]
    public IReadOnlyList<SelectListItem> Currencies { get; set; } = [];

    /// <summary>The recorded public address; empty clears it. Ignored when configuration sets one.</summary>
    [Display(Name = "Public address of the store")]
    [StringLength(SiteSettingsRules.MaxPublicUrlLength, ErrorMessage = SiteSettingsRules.PublicUrlProblem)]
    public string? PublicUrl { get; set; }

    /// <summary><c>StoreSite:PublicUrl</c> when configuration sets it (shown read-only; it wins).</summary>
    [BindNever]
    public string? ConfiguredPublicUrl { get; set; }

    /// <summary>When no public address is configured or recorded: the server's own address, which mails link to now.</summary>
    [BindNever]
    public string? ServerAddress { get; set; }
}
