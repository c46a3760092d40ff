using System.ComponentModel.DataAnnotations;

namespace StoreSite.Web.ViewModels;

public sealed class ChangePasswordViewModel
{
    [Display(Name = "Current password")]
    [Required(ErrorMessage = "Enter your current password.")]
    [StringLength(128, ErrorMessage = "The password must be at most 128 characters.")]
    [DataType(DataType.Password)]
    public string? CurrentPassword { get; set; }

    [Display(Name = "New password")]
    [Required(ErrorMessage = "Choose a new password.")]
    [StringLength(128, ErrorMessage = "The password must be at most 128 characters.")]
    [DataType(DataType.Password)]
    public string? NewPassword { get; set; }

    [Display(Name = "Confirm new password")]
    [Required(ErrorMessage = "Repeat the new password.")]
    [DataType(DataType.Password)]
    [Compare(nameof(NewPassword), ErrorMessage = "The passwords do not match.")]
    public string? ConfirmPassword { get; set; }
}
