namespace StoreSite.Web.Accounts;

/// <summary>The outcome of an admin's change to an account, with a message for the admin.</summary>
public sealed record UserChangeResult(bool Succeeded, string Message)
{
    public static UserChangeResult Done(string message) => new(true, message);

    public static UserChangeResult Refused(string message) => new(false, message);
}
