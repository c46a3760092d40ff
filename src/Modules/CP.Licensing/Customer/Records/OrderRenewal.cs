using CP.Licensing.ViewModels;

namespace CP.Licensing.Customer.Records;

/// <summary>A key an order renewed, as the confirmation page, the order page and the mail say it.</summary>
public sealed record OrderRenewal(string ProductName, string PlanName, string MaskedKey, DateOnly Until)
{
    /// <summary>E.g. <c>Renewed: Gallery Pro Business CP-ABCDEF-…-HTARZ4 until 31 Jan 2028</c>.</summary>
    public string Text => $"Renewed: {ProductName} {PlanName} {MaskedKey} until {LicenseText.Date(Until)}";
}
