namespace CP.Licensing.ViewModels;

/// <summary>The Suspend form of a key's page: the reason, required (checked by <c>LicenseSuspensions</c>).</summary>
public sealed class SuspendLicenseInputModel
{
    public string? Reason { get; set; }
}
