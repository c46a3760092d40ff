using System.ComponentModel.DataAnnotations;
using CP.Licensing.Data;

namespace CP.Licensing.ViewModels;

/// <summary>The posted change-limit form of the detail page.</summary>
public sealed class MaxActivationsInputModel
{
    [Display(Name = "Max Activations")]
    [Required(ErrorMessage = "Enter a number (0 is unlimited).")]
    [Range(0, LicensingLimits.MaxActivations, ErrorMessage = LicensingLimits.MaxActivationsProblem)]
    public int? MaxActivations { get; set; }
}
