using System.Globalization;
using CP.Licensing.ViewModels;

namespace CP.Licensing.Customer.Records;

/// <summary>A key of an order as the customer sees it.</summary>
public sealed record OrderLicenseKey(string Key, string ProductName, DateOnly? ExpiresOn, int MaxActivations, bool Revoked)
{
    public string ExpiryText => ExpiresOn is { } expiry ? $"valid until {LicenseText.Date(expiry)}" : "lifetime";

    public string ActivationsText => MaxActivations == 0 ? "unlimited activations" : MaxActivations == 1 ? "1 activation" : string.Create(CultureInfo.InvariantCulture, $"{MaxActivations} activations");
}
