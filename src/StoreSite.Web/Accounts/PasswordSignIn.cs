using Microsoft.AspNetCore.Identity;
using StoreSite.Web.Data;

namespace StoreSite.Web.Accounts;

/// <summary>
/// The sign-in form's check, made so that neither its answer nor its time tells whether an email
/// has an account: an unknown email, a wrong password and a locked account given a wrong password
/// each cost one password hash verification and get <see cref="SignInProblems.WrongEmailOrPassword"/>. Only the
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
    /// <summary>Signs in; the value is the account's id.</summary>
    public async Task<Outcome<string>> SignInAsync(string email, string password, bool isPersistent)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            unknownAccount.Verify(hasher, password);
            return Outcome.Refused(SignInProblems.WrongEmailOrPassword);
        }

        if (await users.IsLockedOutAsync(user))
        {
            // Identity checks the lockout before the password; check the password here instead
            // (once, and without counting a failed attempt: the account is locked already).
            if (!await users.CheckPasswordAsync(user, password))
            {
                logger.LogWarning("Sign-in refused: wrong password for user {UserId}, who is locked out", user.Id);
                return Outcome.Refused(SignInProblems.WrongEmailOrPassword);
            }

            logger.LogWarning("Sign-in refused: user {UserId} is locked out", user.Id);
            return Locked(await users.GetLockoutEndDateAsync(user));
        }

        var result = await signIn.PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserId} signed in", user.Id);
            return Outcome<string>.Done(user.Id);
        }

        // A wrong password, also the one that has just locked the account, answers like any other.
        return Outcome.Refused(SignInProblems.WrongEmailOrPassword);
    }

    private Outcome Locked(DateTimeOffset? until)
    {
        if (UserLocker.IsAdministratorLock(until))
        {
            return Outcome.Refused(SignInProblems.LockedByAdministrator);
        }

        var minutes = until is null ? 15 : Math.Max(1, (int)Math.Ceiling((until.Value - clock.GetUtcNow()).TotalMinutes));
        return Outcome.Refused(SignInProblems.LockedOut, detail: minutes.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
