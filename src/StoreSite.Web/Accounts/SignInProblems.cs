namespace StoreSite.Web.Accounts;

/// <summary>
/// The stable codes of a refused password sign-in. An unknown email and a wrong password share
/// <see cref="WrongEmailOrPassword"/>, so the answer never tells whether an email has an account.
/// </summary>
public static class SignInProblems
{
    /// <summary>No account has the email, or the password is wrong (also for a locked account).</summary>
    public const string WrongEmailOrPassword = "wrong_email_or_password";

    /// <summary>The right password of an account an administrator locked.</summary>
    public const string LockedByAdministrator = "locked_by_administrator";

    /// <summary>The right password of an account locked after failed attempts (the detail is the minutes left, at least 1).</summary>
    public const string LockedOut = "locked_out";
}
