namespace CP.Licensing.Lifecycle;

/// <summary>What the admin does to the keys chosen on the Licenses list (the form's <c>action</c>).</summary>
public enum LicenseBulkAction
{
    Revoke,
    Suspend,
    Reinstate,
    Export,
}
