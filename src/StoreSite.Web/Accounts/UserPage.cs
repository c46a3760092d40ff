namespace StoreSite.Web.Accounts;

/// <summary>One page of the Users list.</summary>
public sealed record UserPage(IReadOnlyList<UserRow> Rows, int PageNumber, int PageCount, int Total);
