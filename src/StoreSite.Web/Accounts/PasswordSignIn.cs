using Microsoft.AspNetCore.Identity;
using StoreSite.Web.Data;

namespace StoreSite.Web.Accounts;

/// <summary>
/// The sign-in form's check, made so that neither its answer nor its time tells whether an email
/// has an account: an unknown email, a wrong password and a locked account given a wrong password
/// each cost one password hash verification and get <see cref="WrongEmailOrPassword"/>. Only the
/// right password of a locked account learns that it is locked (and until when).
/// </summary>
public sealed class PasswordSignIn(
    SignInManager<StoreUser> signIn,
    UserManager<StoreUser> users,
    IPasswordHasher<StoreUser> hasher,
    UnknownAccountPassword unknownAccount,
    TimeProvider clock,
    ILogger<PasswordSignIn> logger)
{
    public const string WrongEmailOrPassword = "Wrong email or password.";

    public const string LockedByAdministrator = "This account is locked. Contact the store if you think this is a mistake.";

    public async Task<PasswordSignInResult> SignInAsync(string email, string password, bool isPersistent)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            unknownAccount.Verify(hasher, password);
            return PasswordSignInResult.Refused(WrongEmailOrPassword);
        }

        if (await users.IsLockedOutAsync(user))
        {
            // Identity checks the lockout before the password; check the password here instead
            // (once, and without counting a failed attempt: the account is locked already).
            if (!await users.CheckPasswordAsync(user, password))
            {
                logger.LogWarning("Sign-in refused: wrong password for user {UserId}, who is locked out", user.Id);
                return PasswordSignInResult.Refused(WrongEmailOrPassword);
            }

            logger.LogWarning("Sign-in refused: user {UserId} is locked out", user.Id);
            return PasswordSignInResult.Refused(LockedMessage(await users.GetLockoutEndDateAsync(user)));
        }

        var result = await signIn.PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserId} signed in", user.Id);
            return PasswordSignInResult.SignedIn(user.Id);
        }

        // A wrong password, also the one that has just locked the account, answers like any other.
        return PasswordSignInResult.Refused(WrongEmailOrPassword);
    }

    private string LockedMessage(DateTimeOffset? until)
    {
        if (UserLocker.IsAdministratorLock(until))
        {
            return LockedByAdministrator;
        }

        var minutes = until is null ? 15 : Math.Max(1, (int)Math.Ceiling((until.Value - clock.GetUtcNow()).TotalMinutes));
        return $"This account is locked after too many failed attempts. Try again in {minutes} minute{(minutes == 1 ? string.Empty : "s")}.";
    }
}
