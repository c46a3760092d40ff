namespace CP.Licensing.Models;

/// <summary>
/// How many licenses are in one state with one expiry date: the admin list's and dashboard's counts
/// per status, read without counting the <c>Licenses</c> table. Database triggers on <c>Licenses</c>
/// keep it, in the statement that changes a license (docs/architecture.md, "Counts at scale"), so no
/// code path can forget it. Expired and Active are the working rows before and from today.
/// </summary>
public sealed class LicenseTally
{
    public LicenseTallyState State { get; set; }

    /// <summary>The licenses' expiry date, 9999-12-31 for Lifetime (as <c>Licenses.ExpirySort</c>).</summary>
    public DateOnly ExpirySort { get; set; }

    public long Count { get; set; }
}
