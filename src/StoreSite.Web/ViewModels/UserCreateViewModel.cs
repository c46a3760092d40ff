using System.ComponentModel.DataAnnotations;

namespace StoreSite.Web.ViewModels;

public sealed class UserCreateViewModel
{
    [Display(Name = "Email")]
    [Required(ErrorMessage = "Enter the email address.")]
    [StringLength(256, ErrorMessage = "The email address must be at most 256 characters.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    public string? Email { get; set; }

    [Display(Name = "Password")]
    [Required(ErrorMessage = "Choose a password.")]
    [StringLength(128, ErrorMessage = "The password must be at most 128 characters.")]
    [DataType(DataType.Password)]
    public string? Password { get; set; }

    [Display(Name = "Roles")]
    [MaxLength(50, ErrorMessage = "Choose at most 50 roles.")]
    public List<string> Roles { get; set; } = [];

    public IReadOnlyList<string> AvailableRoles { get; set; } = [];
}
