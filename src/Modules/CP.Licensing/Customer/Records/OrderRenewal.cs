using CP.Licensing.ViewModels;

namespace CP.Licensing.Customer.Records;

/// <summary>What an order's renewal or upgrade line did to a key, as the confirmation page, the order page and the mail say it.</summary>
public interface IOrderKeyChange
{
    int LineNumber { get; }

    string Text { get; }
}

/// <summary>A key an order renewed.</summary>
public sealed record OrderRenewal(int LineNumber, string ProductName, string PlanName, string MaskedKey, DateOnly Until) : IOrderKeyChange
{
    /// <summary>E.g. <c>Renewed: Gallery Pro Business CP-ABCDEF-…-HTARZ4 until 31 Jan 2028</c>.</summary>
    public string Text => $"Renewed: {ProductName} {PlanName} {MaskedKey} until {LicenseText.Date(Until)}";
}

/// <summary>A key an order upgraded to a bigger plan.</summary>
public sealed record OrderUpgrade(int LineNumber, string ProductName, string PlanName, string MaskedKey, int MaxActivations) : IOrderKeyChange
{
    /// <summary>E.g. <c>Upgraded: Gallery Pro CP-ABCDEF-…-HTARZ4 to Agency (10 activations)</c>.</summary>
    public string Text => $"Upgraded: {ProductName} {MaskedKey} to {PlanName} ({(MaxActivations == 0 ? "unlimited" : MaxActivations.ToString(System.Globalization.CultureInfo.InvariantCulture))} activations)";
}
