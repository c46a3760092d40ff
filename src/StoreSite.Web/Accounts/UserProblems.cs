namespace StoreSite.Web.Accounts;

/// <summary>The stable codes of an admin's change to an account that was refused.</summary>
public static class UserProblems
{
    /// <summary>No account has that id.</summary>
    public const string NotFound = "user_not_found";

    /// <summary>A role asked for does not exist (the detail is its name).</summary>
    public const string UnknownRole = "unknown_role";

    /// <summary>An administrator tried to lock their own account.</summary>
    public const string CannotLockSelf = "cannot_lock_self";

    /// <summary>An administrator tried to take the Administrator role from themselves.</summary>
    public const string CannotRemoveOwnAdministrator = "cannot_remove_own_administrator";
}
