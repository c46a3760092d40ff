using System.ComponentModel.DataAnnotations;
using CP.Licensing.Services;

namespace CP.Licensing.ViewModels;

/// <summary>The posted change-limit form of the detail page.</summary>
public sealed class MaxActivationsInputModel
{
    [Display(Name = "Max Activations")]
    [Required(ErrorMessage = "Enter a number (0 is unlimited).")]
    [Range(0, LicenseSlots.MaxMaxActivations, ErrorMessage = "Enter a number from 0 (unlimited) to 1000000.")]
    public int? MaxActivations { get; set; }
}
