using System.Globalization;
using StoreSite.Web.Accounts;

namespace StoreSite.Web.Controllers;

/// <summary>The words the sign-in form shows, chosen from the <see cref="SignInProblems"/> code.</summary>
public static class SignInMessages
{
    public const string WrongEmailOrPassword = "Wrong email or password.";

    public const string LockedByAdministrator = "This account is locked. Contact the store if you think this is a mistake.";

    /// <summary>Why the sign-in was refused; anything but a lock answers <see cref="WrongEmailOrPassword"/>.</summary>
    public static string Refused(Outcome outcome) => outcome.Problem switch
    {
        SignInProblems.LockedByAdministrator => LockedByAdministrator,
        SignInProblems.LockedOut => LockedOut(int.Parse(outcome.Detail!, CultureInfo.InvariantCulture)),
        _ => WrongEmailOrPassword,
    };

    private static string LockedOut(int minutes) =>
        $"This account is locked after too many failed attempts. Try again in {minutes} minute{(minutes == 1 ? string.Empty : "s")}.";
}
