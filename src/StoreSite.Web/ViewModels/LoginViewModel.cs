using System.ComponentModel.DataAnnotations;

namespace StoreSite.Web.ViewModels;

public sealed class LoginViewModel
{
    [Display(Name = "Email")]
    [Required(ErrorMessage = "Enter your email address.")]
    [StringLength(256, ErrorMessage = "The email address must be at most 256 characters.")]
    public string? Email { get; set; }

    [Display(Name = "Password")]
    [Required(ErrorMessage = "Enter your password.")]
    [StringLength(128, ErrorMessage = "The password must be at most 128 characters.")]
    [DataType(DataType.Password)]
    public string? Password { get; set; }

    [Display(Name = "Keep me signed in")]
    public bool RememberMe { get; set; }

    [StringLength(2000)]
    public string? ReturnUrl { get; set; }
}
