using System.ComponentModel.DataAnnotations;

namespace StoreSite.Web.ViewModels;

public sealed class ForgotPasswordViewModel
{
    [Display(Name = "Email")]
    [Required(ErrorMessage = "Enter your email address.")]
    [StringLength(256, ErrorMessage = "The email address must be at most 256 characters.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    public string? Email { get; set; }

    /// <summary>True once the form was posted: the page then says a link is on its way (whether or not the account exists).</summary>
    public bool Sent { get; set; }
}
