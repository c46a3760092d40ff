using System.ComponentModel.DataAnnotations;

namespace StoreSite.Web.ViewModels;

public sealed class RegisterViewModel
{
    [Display(Name = "Email")]
    [Required(ErrorMessage = "Enter your email address.")]
    [StringLength(256, ErrorMessage = "The email address must be at most 256 characters.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    public string? Email { get; set; }

    [Display(Name = "Password")]
    [Required(ErrorMessage = "Choose a password.")]
    [StringLength(128, ErrorMessage = "The password must be at most 128 characters.")]
    [DataType(DataType.Password)]
    public string? Password { get; set; }

    [Display(Name = "Confirm password")]
    [Required(ErrorMessage = "Repeat the password.")]
    [DataType(DataType.Password)]
    [Compare(nameof(Password), ErrorMessage = "The passwords do not match.")]
    public string? ConfirmPassword { get; set; }

    [StringLength(2000)]
    public string? ReturnUrl { get; set; }
}
