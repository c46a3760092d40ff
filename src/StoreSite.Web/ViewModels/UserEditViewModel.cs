using StoreSite.Web.Accounts;

namespace StoreSite.Web.ViewModels;

/// <param name="User">The account.</param>
/// <param name="AvailableRoles">Every role of the site.</param>
/// <param name="IsSelf">The account is the signed-in admin's own (lock and removing Administrator are refused).</param>
public sealed record UserEditViewModel(UserRow User, IReadOnlyList<string> AvailableRoles, bool IsSelf);
