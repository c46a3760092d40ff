using System.ComponentModel.DataAnnotations;
using CP.Licensing.Data;
using CP.Licensing.Lifecycle;
using CP.Licensing.Lifecycle.Records;
using CP.Licensing.Models;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using StoreSite.Forms;

namespace CP.Licensing.ViewModels;

/// <summary>
/// The Generate License form; field names match <see cref="ManualLicenseRequest"/> so that its
/// problems land next to them. Choosing a plan fills the key's settings with the plan's
/// (<see cref="FilledFromPlanId"/> remembers which plan they came from; without script the
/// <see cref="FillStep"/> button, or a post whose plan changed, fills them in and issues nothing).
/// </summary>
public sealed class GenerateLicenseViewModel
{
    /// <summary>The value of <see cref="Step"/> that fills in the chosen plan's settings.</summary>
    public const string FillStep = "plan";

    [Display(Name = "Customer email")]
    [Required(ErrorMessage = "Enter the customer's email.")]
    [StringLength(LicenseConfiguration.EmailMaxLength, ErrorMessage = "The email must be at most 256 characters.")]
    public string? CustomerEmail { get; set; }

    [Display(Name = "Create the account and send an invitation if no account has this email")]
    public bool CreateAccount { get; set; }

    [Display(Name = "Product")]
    public int? ProductId { get; set; }

    [Display(Name = "Product name")]
    [StringLength(LicenseConfiguration.ProductNameMaxLength, ErrorMessage = "The product name must be at most 300 characters.")]
    public string? ProductName { get; set; }

    [Display(Name = "Plan")]
    public int? PlanId { get; set; }

    /// <summary>The plan whose settings the form holds (a hidden field).</summary>
    public int? FilledFromPlanId { get; set; }

    [Display(Name = "Expiry date")]
    [DataType(DataType.Date)]
    [ModelBinder(typeof(IsoDateModelBinder))]
    public DateOnly? ExpiresOn { get; set; }

    [Display(Name = "Max Activations")]
    [Range(0, LicensingLimits.MaxActivations, ErrorMessage = "Enter a number from 0 to 1000000, or leave it empty for unlimited.")]
    public int? MaxActivations { get; set; }

    [Display(Name = "Match environments by")]
    public LicenseMatchRule MatchBy { get; set; } = LicenseMatchRule.DomainOrIp;

    [Display(Name = "Development sites are free")]
    public bool DevelopmentSitesFree { get; set; } = true;

    [Display(Name = "The customer may deactivate environments")]
    public bool DeactivationsAllowed { get; set; } = true;

    [Display(Name = "Deactivations per 30 days")]
    [Required(ErrorMessage = "Enter a number from 0 (unlimited) to 1000.")]
    [Range(0, DeactivationAllowance.MaxPer30Days, ErrorMessage = "Enter a number from 0 (unlimited) to 1000.")]
    public int? DeactivationsPer30Days { get; set; } = 3;

    [Display(Name = "Order reference")]
    [StringLength(LicenseConfiguration.OrderNumberMaxLength, ErrorMessage = "The order reference must be at most 64 characters.")]
    public string? OrderReference { get; set; }

    [Display(Name = "Mail the key to the customer")]
    public bool NotifyCustomer { get; set; } = true;

    /// <summary><see cref="FillStep"/> when the "Use the plan's settings" button was pressed.</summary>
    public string? Step { get; set; }

    /// <summary>True when the post filled in a plan's settings instead of issuing (the page says so).</summary>
    [BindNever]
    public bool Filled { get; set; }

    /// <summary>The pickers' products and plans.</summary>
    [BindNever]
    public GenerateChoices Choices { get; set; } = new([], []);

    /// <summary>Takes the settings of <paramref name="plan"/> (the product name too, unless one was typed for the same product).</summary>
    public void Fill(PlanDefaults plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (string.IsNullOrWhiteSpace(ProductName) || ProductId != plan.ProductId)
        {
            ProductName = null;
        }

        ProductId = plan.ProductId;
        PlanId = plan.PlanId;
        FilledFromPlanId = plan.PlanId;
        ExpiresOn = plan.ExpiresOn;
        MaxActivations = plan.MaxActivations;
        MatchBy = plan.MatchBy;
        DevelopmentSitesFree = plan.DevelopmentSitesFree;
        DeactivationsAllowed = plan.DeactivationsAllowed;
        DeactivationsPer30Days = plan.DeactivationsPer30Days;
    }

    public ManualLicenseRequest ToRequest() => new(CustomerEmail!.Trim(), ProductName ?? string.Empty, ExpiresOn, MaxActivations, MatchBy)
    {
        ProductId = ProductId,
        PlanId = PlanId,
        DevelopmentSitesFree = DevelopmentSitesFree,
        DeactivationsAllowed = DeactivationsAllowed,
        DeactivationsPer30Days = DeactivationsPer30Days ?? 0,
        OrderReference = OrderReference,
        CreateAccount = CreateAccount,
        NotifyCustomer = NotifyCustomer,
    };
}
