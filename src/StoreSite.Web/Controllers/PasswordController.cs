using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.RateLimiting;
using StoreSite.Mail;
using StoreSite.Notifications;
using StoreSite.Web.Accounts;
using StoreSite.Web.Data;
using StoreSite.Web.Hosting;
using StoreSite.Web.ViewModels;

namespace StoreSite.Web.Controllers;

/// <summary>Forgotten passwords (a reset link by mail), the reset itself, and changing one's password.</summary>
[Route("account")]
public sealed class PasswordController(UserManager<StoreUser> users, SignInManager<StoreUser> signIn, PasswordResetQueue resetQueue, UserSessions sessions, INotifier notifier, ILogger<PasswordController> logger) : Controller
{
    [AllowAnonymous]
    [HttpGet("forgot-password")]
    public IActionResult ForgotPassword() => View(new ForgotPasswordViewModel());

    [AllowAnonymous]
    [HttpPost("forgot-password")]
    [EnableRateLimiting(StoreSiteServiceCollectionExtensions.SignInRateLimit)]
    public IActionResult ForgotPassword(ForgotPasswordViewModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!ModelState.IsValid)
        {
            return View(model);
        }

        // Queued, not sent here: the answer takes the same time whether or not the address has an account.
        // The link is built on the site's public address, never on this request's Host header.
        if (!resetQueue.TryEnqueue(new PasswordResetRequest(model.Email!.Trim())))
        {
            logger.LogWarning("The password reset queue is full; a request was dropped");
        }

        return View(new ForgotPasswordViewModel { Email = model.Email.Trim(), Sent = true });
    }

    [AllowAnonymous]
    [HttpGet("reset-password")]
    public IActionResult ResetPassword(string? email, string? code)
    {
        if (!EmailAddressRule.IsValid(email) || ResetCode.Decode(code) is null)
        {
            notifier.Error(PasswordMessages.InvalidLink);
            return RedirectToAction(nameof(ForgotPassword));
        }

        return View(new ResetPasswordViewModel { Email = email, Code = code });
    }

    [AllowAnonymous]
    [HttpPost("reset-password")]
    [EnableRateLimiting(StoreSiteServiceCollectionExtensions.SignInRateLimit)]
    public async Task<IActionResult> ResetPassword(ResetPasswordViewModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (ModelState.GetFieldValidationState(nameof(model.Email)) == ModelValidationState.Invalid
            || ModelState.GetFieldValidationState(nameof(model.Code)) == ModelValidationState.Invalid)
        {
            notifier.Error(PasswordMessages.InvalidLink);
            return RedirectToAction(nameof(ForgotPassword));
        }

        if (!ModelState.IsValid)
        {
            return View(model);
        }

        var token = ResetCode.Decode(model.Code);
        var user = EmailAddressRule.IsValid(model.Email) ? await users.FindByEmailAsync(model.Email.Trim()) : null;
        if (token is null || user is null)
        {
            notifier.Error(PasswordMessages.InvalidLink);
            return RedirectToAction(nameof(ForgotPassword));
        }

        var result = await users.ResetPasswordAsync(user, token, model.Password!);
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
        {
            notifier.Error(PasswordMessages.InvalidLink);
            return RedirectToAction(nameof(ForgotPassword));
        }

        if (!result.Succeeded)
        {
            ModelState.AddIdentityErrors(result, nameof(model.Password), string.Empty);
            return View(model);
        }

        // Whoever knew the old password is signed out everywhere, at once.
        await sessions.EndAllAsync(user.Id, cancellationToken);
        logger.LogInformation("User {UserId} reset their password", user.Id);
        notifier.Success(PasswordMessages.Reset);
        return RedirectToAction(nameof(AccountController.Login), "Account");
    }

    [Authorize]
    [HttpGet("change-password")]
    public IActionResult ChangePassword() => View(new ChangePasswordViewModel());

    [Authorize]
    [HttpPost("change-password")]
    [EnableRateLimiting(StoreSiteServiceCollectionExtensions.SignInRateLimit)]
    public async Task<IActionResult> ChangePassword(ChangePasswordViewModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!ModelState.IsValid)
        {
            return View(model);
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            await signIn.SignOutAsync();
            return RedirectToAction(nameof(AccountController.Login), "Account");
        }

        var result = await users.ChangePasswordAsync(user, model.CurrentPassword!, model.NewPassword!);
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
        {
            ModelState.AddModelError(nameof(model.CurrentPassword), PasswordMessages.CurrentPasswordWrong);
            return View(model);
        }

        if (!result.Succeeded)
        {
            ModelState.AddIdentityErrors(result, nameof(model.NewPassword), string.Empty);
            return View(model);
        }

        // The user's other sessions end at once (and the changed security stamp would end them within a minute); this one is renewed.
        await sessions.EndOthersAsync(user.Id, HttpContext, cancellationToken);
        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("User {UserId} changed their password", user.Id);
        notifier.Success(PasswordMessages.Changed);
        return RedirectToAction(nameof(AccountController.Index), "Account");
    }
}
