using System.ComponentModel.DataAnnotations;
using StoreSite.Web.Accounts;

namespace StoreSite.Web.ViewModels;

public sealed class ResetPasswordViewModel
{
    [Required(ErrorMessage = "This reset link is incomplete. Ask for a new one.")]
    [StringLength(256, ErrorMessage = "This reset link is invalid. Ask for a new one.")]
    public string? Email { get; set; }

    [Required(ErrorMessage = "This reset link is incomplete. Ask for a new one.")]
    [StringLength(ResetCode.MaxLength, ErrorMessage = "This reset link is invalid. Ask for a new one.")]
    public string? Code { get; set; }

    [Display(Name = "New password")]
    [Required(ErrorMessage = "Choose a new password.")]
    [StringLength(128, ErrorMessage = "The password must be at most 128 characters.")]
    [DataType(DataType.Password)]
    public string? Password { get; set; }

    [Display(Name = "Confirm new password")]
    [Required(ErrorMessage = "Repeat the new password.")]
    [DataType(DataType.Password)]
    [Compare(nameof(Password), ErrorMessage = "The passwords do not match.")]
    public string? ConfirmPassword { get; set; }
}
