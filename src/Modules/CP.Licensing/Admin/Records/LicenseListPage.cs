namespace CP.Licensing.Admin.Records;

/// <summary>One page of the admin Licenses list: its rows, which page it is, and how many licenses match.</summary>
/// <param name="More">More than <paramref name="Total"/> licenses match (a search counts up to <see cref="LicenseListQuery.MaxCounted"/>).</param>
public sealed record LicenseListPage(IReadOnlyList<LicenseListRow> Rows, int Page, int PageCount, int Total, bool More = false);
