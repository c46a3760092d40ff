using System.ComponentModel.DataAnnotations;
using CP.Licensing.Admin.Records;

namespace CP.Licensing.ViewModels;

/// <summary>The admin detail page of a key: its fields, a page of its environments and of its history, and the Max Activations form.</summary>
public sealed class LicenseDetailViewModel
{
    public required LicenseDetail Detail { get; init; }

    public required LicenseDetailLists Lists { get; init; }

    /// <summary>The change-limit form's field (posted as <see cref="MaxActivationsInputModel.MaxActivations"/>).</summary>
    [Display(Name = "Max Activations")]
    public int? MaxActivations { get; set; }
}
