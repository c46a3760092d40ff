using System.ComponentModel.DataAnnotations;
using CP.Licensing.Data;
using CP.Licensing.Lifecycle;
using CP.Licensing.Lifecycle.Records;
using CP.Licensing.Models;
using Microsoft.AspNetCore.Mvc;
using StoreSite.Forms;

namespace CP.Licensing.ViewModels;

/// <summary>The Generate License form; field names match <see cref="ManualLicenseRequest"/> so that its problems land next to them.</summary>
public sealed class GenerateLicenseViewModel
{
    [Display(Name = "Customer email")]
    [Required(ErrorMessage = "Enter the customer's email.")]
    [StringLength(LicenseConfiguration.EmailMaxLength, ErrorMessage = "The email must be at most 256 characters.")]
    public string? CustomerEmail { get; set; }

    [Display(Name = "Product name")]
    [Required(ErrorMessage = "Enter the product name the key is for.")]
    [StringLength(LicenseConfiguration.ProductNameMaxLength, ErrorMessage = "The product name must be at most 300 characters.")]
    public string? ProductName { get; set; }

    [Display(Name = "Expiry date")]
    [DataType(DataType.Date)]
    [ModelBinder(typeof(IsoDateModelBinder))]
    public DateOnly? ExpiresOn { get; set; }

    [Display(Name = "Max Activations")]
    [Range(0, LicensingLimits.MaxActivations, ErrorMessage = "Enter a number from 0 to 1000000, or leave it empty for unlimited.")]
    public int? MaxActivations { get; set; }

    [Display(Name = "Match environments by")]
    public LicenseMatchRule MatchBy { get; set; } = LicenseMatchRule.DomainOrIp;
}
