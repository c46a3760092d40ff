using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.RateLimiting;
using StoreSite.Http;
using StoreSite.Mail;
using StoreSite.Security;
using StoreSite.Web.Accounts;
using StoreSite.Web.Data;
using StoreSite.Web.Hosting;
using StoreSite.Web.ViewModels;

namespace StoreSite.Web.Controllers;

/// <summary>Customer accounts: sign in, register, sign out, and the <c>/account</c> dashboard.</summary>
[Route("account")]
public sealed class AccountController(
    SignInManager<StoreUser> signIn,
    UserManager<StoreUser> users,
    PasswordSignIn passwordSignIn,
    IAuthorizationService authorization,
    TimeProvider clock,
    ILogger<AccountController> logger) : Controller
{
    [Authorize]
    [HttpGet("")]
    public IActionResult Index() => View();

    [AllowAnonymous]
    [HttpGet("login")]
    public IActionResult Login(string? returnUrl) => View(new LoginViewModel { ReturnUrl = SafeReturnUrl(returnUrl) });

    [AllowAnonymous]
    [HttpPost("login")]
    [EnableRateLimiting(StoreSiteServiceCollectionExtensions.SignInRateLimit)]
    public async Task<IActionResult> Login(LoginViewModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        model.ReturnUrl = SafeReturnUrl(model.ReturnUrl);
        if (!ModelState.IsValid)
        {
            return View(model);
        }

        var result = await passwordSignIn.SignInAsync(model.Email!.Trim(), model.Password!, model.RememberMe);
        if (result.Succeeded)
        {
            return LocalRedirect(model.ReturnUrl ?? await LandingAsync(result.Value!));
        }

        ModelState.AddModelError(string.Empty, SignInMessages.Refused(result.WithoutValue()));
        return View(model);
    }

    [AllowAnonymous]
    [HttpGet("register")]
    public IActionResult Register(string? returnUrl) => View(new RegisterViewModel { ReturnUrl = SafeReturnUrl(returnUrl) });

    [AllowAnonymous]
    [HttpPost("register")]
    [EnableRateLimiting(StoreSiteServiceCollectionExtensions.SignInRateLimit)]
    public async Task<IActionResult> Register(RegisterViewModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        model.ReturnUrl = SafeReturnUrl(model.ReturnUrl);
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
        return LocalRedirect(model.ReturnUrl ?? Url.Action(nameof(Index))!);
    }

    [HttpPost("logout")]
    public async Task<IActionResult> Logout()
    {
        await signIn.SignOutAsync();
        return RedirectToAction(nameof(HomeController.Index), "Home");
    }

    /// <summary>
    /// Where a sign-in without a return URL lands: the dashboard for whoever may open the admin, else
    /// the customer's account page.
    /// </summary>
    private async Task<string> LandingAsync(string userId)
    {
        var user = await users.FindByIdAsync(userId);
        var principal = user is null ? null : await signIn.CreateUserPrincipalAsync(user);
        return principal is not null && (await authorization.AuthorizeAsync(principal, nameof(Permissions.AccessAdminPanel))).Succeeded
            ? Url.Action(nameof(AdminController.Index), "Admin")!
            : Url.Action(nameof(Index))!;
    }

    /// <summary>
    /// The client's return URL made safe before any work (<see cref="LocalRedirectUrl"/>), also for
    /// the form's hidden field, which shows the posted value unless told otherwise.
    /// </summary>
    private string? SafeReturnUrl(string? returnUrl)
    {
        // A missing or unsafe return address is dropped (the form's hidden field shows what will be
        // used) and never stops the form; only an over-long one (a hand-made post) keeps its error.
        var safe = LocalRedirectUrl.From(returnUrl);
        var refused = ModelState.GetFieldValidationState(nameof(LoginViewModel.ReturnUrl)) == ModelValidationState.Invalid;
        ModelState.SetModelValue(nameof(LoginViewModel.ReturnUrl), safe, safe);
        if (!refused)
        {
            ModelState.MarkFieldValid(nameof(LoginViewModel.ReturnUrl));
        }

        return safe;
    }
}
