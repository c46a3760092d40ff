namespace StoreSite.Web.Controllers;

/// <summary>The words people read about resetting and changing their password.</summary>
public static class PasswordMessages
{
    public const string InvalidLink = "This reset link is invalid or has expired. Ask for a new one below.";

    public const string Reset = "Your password has been changed. Sign in with the new one.";

    public const string Changed = "Your password has been changed.";

    public const string CurrentPasswordWrong = "The current password is wrong.";
}
