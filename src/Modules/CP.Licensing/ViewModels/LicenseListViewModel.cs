using CP.Licensing.Admin.Records;
using StoreSite.Paging;

namespace CP.Licensing.ViewModels;

/// <summary>The admin Licenses list: a page of rows, the filter that chose them, and the pager.</summary>
public sealed record LicenseListViewModel(IReadOnlyList<LicenseListRow> Rows, LicenseFilter Filter, PageInfo Paging);
