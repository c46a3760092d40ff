using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using StoreSite.Mail;
using StoreSite.Security;
using StoreSite.Web.Accounts;
using StoreSite.Web.Data;
using StoreSite.Web.Hosting;
using StoreSite.Web.ViewModels;

namespace StoreSite.Web.Controllers;

/// <summary>Customer accounts: sign in, register, sign out, and the <c>/account</c> dashboard.</summary>
[Route("account")]
public sealed class AccountController(SignInManager<StoreUser> signIn, UserManager<StoreUser> users, TimeProvider clock, ILogger<AccountController> logger) : Controller
{
    [Authorize]
    [HttpGet("")]
    public IActionResult Index() => View();

    [AllowAnonymous]
    [HttpGet("login")]
    public IActionResult Login(string? returnUrl) => View(new LoginViewModel { ReturnUrl = LocalOrNull(returnUrl) });

    [AllowAnonymous]
    [HttpPost("login")]
    [EnableRateLimiting(StoreSiteServiceCollectionExtensions.SignInRateLimit)]
    public async Task<IActionResult> Login(LoginViewModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        model.ReturnUrl = LocalOrNull(model.ReturnUrl);
        if (!ModelState.IsValid)
        {
            return View(model);
        }

        var user = await users.FindByEmailAsync(model.Email!.Trim());
        if (user is null)
        {
            ModelState.AddModelError(string.Empty, "Wrong email or password.");
            return View(model);
        }

        var result = await signIn.PasswordSignInAsync(user, model.Password!, model.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserId} signed in", user.Id);
            return LocalRedirect(model.ReturnUrl ?? "/account");
        }

        if (result.IsLockedOut)
        {
            var until = await users.GetLockoutEndDateAsync(user);
            logger.LogWarning("Sign-in refused: user {UserId} is locked out", user.Id);
            if (UserLocker.IsAdministratorLock(until))
            {
                ModelState.AddModelError(string.Empty, "This account is locked. Contact the store if you think this is a mistake.");
                return View(model);
            }

            var minutes = until is null ? 15 : Math.Max(1, (int)Math.Ceiling((until.Value - clock.GetUtcNow()).TotalMinutes));
            ModelState.AddModelError(string.Empty, $"This account is locked after too many failed attempts. Try again in {minutes} minute{(minutes == 1 ? string.Empty : "s")}.");
            return View(model);
        }

        ModelState.AddModelError(string.Empty, "Wrong email or password.");
        return View(model);
    }

    [AllowAnonymous]
    [HttpGet("register")]
    public IActionResult Register(string? returnUrl) => View(new RegisterViewModel { ReturnUrl = LocalOrNull(returnUrl) });

    [AllowAnonymous]
    [HttpPost("register")]
    [EnableRateLimiting(StoreSiteServiceCollectionExtensions.SignInRateLimit)]
    public async Task<IActionResult> Register(RegisterViewModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        model.ReturnUrl = LocalOrNull(model.ReturnUrl);
        if (ModelState.IsValid && !EmailAddressRule.IsValid(model.Email!.Trim()))
        {
            ModelState.AddModelError(nameof(model.Email), "Enter a valid email address.");
        }

        if (!ModelState.IsValid)
        {
            return View(model);
        }

        var email = model.Email!.Trim();
        var user = new StoreUser { UserName = email, Email = email, CreatedAt = clock.GetUtcNow() };
        var created = await users.CreateAsync(user, model.Password!);
        if (!created.Succeeded)
        {
            ModelState.AddIdentityErrors(created, nameof(model.Password), nameof(model.Email));
            return View(model);
        }

        await users.AddToRoleAsync(user, StandardRoles.Customer);
        await signIn.SignInAsync(user, isPersistent: false);
        logger.LogInformation("User {UserId} registered", user.Id);
        return LocalRedirect(model.ReturnUrl ?? "/account");
    }

    [HttpPost("logout")]
    public async Task<IActionResult> Logout()
    {
        await signIn.SignOutAsync();
        return Redirect("/");
    }

    private string? LocalOrNull(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : null;
}
