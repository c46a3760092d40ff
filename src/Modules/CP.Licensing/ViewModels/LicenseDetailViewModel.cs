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

    #region License lifecycle, the admin's side

    /// <summary>The Suspend form's reason (posted as <see cref="SuspendLicenseInputModel.Reason"/>).</summary>
    [Display(Name = "Reason")]
    public string? Reason { get; set; }

    /// <summary>The Edit expiry form's date (posted as <see cref="ExpiryInputModel.Expiry"/>).</summary>
    [Display(Name = "Expiry date")]
    [DataType(DataType.Date)]
    public DateOnly? Expiry { get; set; }

    /// <summary>The Transfer form's email (posted as <c>customerEmail</c>).</summary>
    [Display(Name = "New customer's email")]
    public string? CustomerEmail { get; set; }

    #endregion
}
