using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using StoreSite.Web.Data;

namespace StoreSite.Web.Accounts;

/// <summary>
/// Identity's user manager with lockout on the injected <see cref="TimeProvider"/> (Identity itself
/// reads the system clock), so lockout ends and the sign-in page's "try again in" agree, and tests
/// can move the clock.
/// </summary>
public sealed class StoreUserManager(
    IUserStore<StoreUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<StoreUser> passwordHasher,
    IEnumerable<IUserValidator<StoreUser>> userValidators,
    IEnumerable<IPasswordValidator<StoreUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<StoreUser>> logger,
    TimeProvider clock)
    : UserManager<StoreUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    public override async Task<bool> IsLockedOutAsync(StoreUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!SupportsUserLockout || !await GetLockoutEnabledAsync(user))
        {
            return false;
        }

        return await GetLockoutEndDateAsync(user) is { } end && end >= clock.GetUtcNow();
    }

    public override async Task<IdentityResult> AccessFailedAsync(StoreUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        ThrowIfDisposed();
        var lockouts = (IUserLockoutStore<StoreUser>)Store;
        var count = await lockouts.IncrementAccessFailedCountAsync(user, CancellationToken);
        if (count >= Options.Lockout.MaxFailedAccessAttempts)
        {
            await lockouts.SetLockoutEndDateAsync(user, clock.GetUtcNow().Add(Options.Lockout.DefaultLockoutTimeSpan), CancellationToken);
            await lockouts.ResetAccessFailedCountAsync(user, CancellationToken);
        }

        return await UpdateUserAsync(user);
    }
}
