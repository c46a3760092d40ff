namespace CP.Licensing.Admin.Records;

/// <summary>One page of the admin Licenses list: its rows, which page it is, and how many licenses match.</summary>
public sealed record LicenseListPage(IReadOnlyList<LicenseListRow> Rows, int Page, int PageCount, int Total);
