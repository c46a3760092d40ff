namespace CP.Licensing.Admin.Records;

/// <summary>The orders of the admin Licenses list. Issue order is the rows' insertion order (their ids).</summary>
public enum LicenseSort
{
    /// <summary>Most recently issued first (the default).</summary>
    IssuedDescending,

    IssuedAscending,

    /// <summary>Soonest expiry first; Lifetime keys last.</summary>
    ExpiryAscending,

    /// <summary>Lifetime keys first, then the latest expiry.</summary>
    ExpiryDescending,
}
