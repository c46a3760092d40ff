using StoreSite.Paging;
using CP.Licensing.Models;

namespace CP.Licensing.Admin.Records;

/// <summary>
/// One page of a key's environments and one page of its history (each oldest first), with their
/// pagers and totals; <see cref="Position"/> is where they are after clamping the asked pages.
/// <see cref="Environments"/> are the production environments (they use slots); the development
/// environments are listed apart in <see cref="Development"/>.
/// </summary>
public sealed record LicenseDetailLists(
    IReadOnlyList<LicenseActivation> Environments,
    PageInfo EnvironmentsPaging,
    IReadOnlyList<LicenseEvent> History,
    PageInfo HistoryPaging,
    LicenseDetailPosition Position)
{
    /// <summary>The key's development environments (use no slot), oldest first.</summary>
    public IReadOnlyList<LicenseActivation> Development { get; init; } = [];
}
