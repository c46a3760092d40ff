using StoreSite.Web.Accounts;

namespace StoreSite.Web.Controllers;

/// <summary>The words the admin reads about a change on Admin -> Users, chosen from the service's <see cref="UserProblems"/> code.</summary>
public static class UserAdminMessages
{
    public static string Created(string email) => $"{email} created.";

    public static string Locked(string email) => $"{email} is locked: they cannot sign in until the account is unlocked.";

    public static string Unlocked(string email) => $"{email} is unlocked and can sign in again.";

    public static string RolesSet(UserRoles roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        return roles.Roles.Count == 0
            ? $"{roles.Email} now has no role."
            : $"{roles.Email} now has the role{(roles.Roles.Count == 1 ? string.Empty : "s")} {string.Join(", ", roles.Roles)}.";
    }

    /// <summary>Why the change did not happen.</summary>
    public static string Refused(Outcome outcome) => outcome.Problem switch
    {
        UserProblems.UnknownRole => $"Unknown role '{outcome.Detail}'.",
        UserProblems.CannotLockSelf => "You cannot lock your own account: you would lock yourself out. Ask another administrator to do it.",
        UserProblems.CannotRemoveOwnAdministrator => "You cannot remove your own Administrator role: you would lock yourself out of the admin. Ask another administrator to do it.",
        _ => $"The change was refused ({outcome.Problem}).",
    };
}
