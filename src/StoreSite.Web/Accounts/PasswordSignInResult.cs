namespace StoreSite.Web.Accounts;

/// <summary>The outcome of <see cref="PasswordSignIn"/>: signed in (the account's id), or refused with the message to show.</summary>
public sealed record PasswordSignInResult(bool Succeeded, string? UserId, string? Message)
{
    public static PasswordSignInResult SignedIn(string userId) => new(true, userId, null);

    public static PasswordSignInResult Refused(string message) => new(false, null, message);
}
