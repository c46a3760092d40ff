using StoreSite.Web.Accounts;

namespace StoreSite.Web.ViewModels;

public sealed record UserListViewModel(string? Query, UserPage Page);
