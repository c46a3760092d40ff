using System.ComponentModel.DataAnnotations;
using CP.Licensing.Admin.Records;
using CP.Licensing.Data;

namespace CP.Licensing.ViewModels;

/// <summary>The revoke confirmation page: the key and the required reason.</summary>
public sealed class RevokeLicenseViewModel
{
    [Required(ErrorMessage = "Give the reason for revoking this key.")]
    [StringLength(LicenseConfiguration.ReasonMaxLength, ErrorMessage = "The reason must be at most 500 characters.")]
    public string? Reason { get; set; }

    public LicenseDetail? Detail { get; set; }
}
