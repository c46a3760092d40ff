using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using StoreSite.Mail;
using StoreSite.Notifications;
using StoreSite.Settings;
using StoreSite.Web.Accounts;
using StoreSite.Web.Data;
using StoreSite.Web.ViewModels;

namespace StoreSite.Web.Controllers;

/// <summary>Admin -> Users: list and search, create, assign roles, lock and unlock.</summary>
[Route("admin/users")]
public sealed class UsersAdminController(
    UserSearch search,
    UserCreator creator,
    UserRoleAssigner roleAssigner,
    UserLocker locker,
    UserManager<StoreUser> users,
    ISiteSettingsStore settings,
    INotifier notifier,
    ILogger<UsersAdminController> logger) : Controller
{
    private const int MaxRoleNameLength = 256;

    [HttpGet("")]
    [Authorize(Policy = nameof(Permissions.ManageUsers))]
    public async Task<IActionResult> Index(string? q, int page, CancellationToken cancellationToken)
    {
        var site = await settings.GetAsync<SiteSettings>(SiteSettings.Section, cancellationToken);
        var found = await search.SearchAsync(q, page, site.PageSize, cancellationToken);
        return View(new UserListViewModel(q?.Trim(), found));
    }

    [HttpGet("create")]
    [Authorize(Policy = nameof(Permissions.ManageUsers))]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) =>
        View(new UserCreateViewModel { AvailableRoles = await search.RoleNamesAsync(cancellationToken) });

    [HttpPost("create")]
    [Authorize(Policy = nameof(Permissions.ManageUsers))]
    public async Task<IActionResult> Create(UserCreateViewModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        model.AvailableRoles = await search.RoleNamesAsync(cancellationToken);
        if (ModelState.IsValid && !EmailAddressRule.IsValid(model.Email!.Trim()))
        {
            ModelState.AddModelError(nameof(model.Email), "Enter a valid email address.");
        }

        if (model.Roles.Any(r => r is null || r.Length > MaxRoleNameLength || !model.AvailableRoles.Contains(r, StringComparer.OrdinalIgnoreCase)))
        {
            ModelState.AddModelError(nameof(model.Roles), "Choose roles from the list.");
        }

        if (!ModelState.IsValid)
        {
            return View(model);
        }

        var email = model.Email!.Trim();
        var created = await creator.CreateAsync(email, model.Password!, model.Roles, cancellationToken);
        if (!created.Succeeded)
        {
            ModelState.AddIdentityErrors(created, nameof(model.Password), nameof(model.Email));
            return View(model);
        }

        logger.LogInformation("User {Email} created by {Admin}", email, users.GetUserId(User));
        notifier.Success(UserAdminMessages.Created(email));
        return RedirectToAction(nameof(Index), new { q = email });
    }

    [HttpGet("{id}")]
    [Authorize(Policy = nameof(Permissions.ManageUsers))]
    public async Task<IActionResult> Edit(string id, CancellationToken cancellationToken)
    {
        var user = await search.FindAsync(id, cancellationToken);
        if (user is null)
        {
            return NotFound();
        }

        return View(new UserEditViewModel(user, await search.RoleNamesAsync(cancellationToken), user.Id == users.GetUserId(User)));
    }

    [HttpPost("{id}/roles")]
    [Authorize(Policy = nameof(Permissions.ManageUsers))]
    public async Task<IActionResult> Roles(string id, [FromForm] List<string>? roles, CancellationToken cancellationToken)
    {
        roles ??= [];
        if (roles.Count > 50 || roles.Any(r => r is null || r.Length > MaxRoleNameLength))
        {
            return BadRequest();
        }

        var outcome = await roleAssigner.SetRolesAsync(id, roles, users.GetUserId(User), cancellationToken);
        return Answer(id, outcome.WithoutValue(), outcome.Succeeded ? UserAdminMessages.RolesSet(outcome.Value!) : null);
    }

    [HttpPost("{id}/lock")]
    [Authorize(Policy = nameof(Permissions.ManageUsers))]
    public async Task<IActionResult> Lock(string id, CancellationToken cancellationToken)
    {
        var outcome = await locker.LockAsync(id, users.GetUserId(User), cancellationToken);
        return Answer(id, outcome.WithoutValue(), outcome.Succeeded ? UserAdminMessages.Locked(outcome.Value!) : null);
    }

    [HttpPost("{id}/unlock")]
    [Authorize(Policy = nameof(Permissions.ManageUsers))]
    public async Task<IActionResult> Unlock(string id, CancellationToken cancellationToken)
    {
        var outcome = await locker.UnlockAsync(id, cancellationToken);
        return Answer(id, outcome.WithoutValue(), outcome.Succeeded ? UserAdminMessages.Unlocked(outcome.Value!) : null);
    }

    /// <summary>Back to the account's page with the notice of <paramref name="outcome"/> (<paramref name="done"/> when it worked); 404 for an unknown account.</summary>
    private IActionResult Answer(string id, Outcome outcome, string? done)
    {
        if (outcome.Problem == UserProblems.NotFound)
        {
            return NotFound();
        }

        if (outcome.Succeeded)
        {
            logger.LogInformation("User {UserId} changed by {Admin}: {Change}", id, users.GetUserId(User), done);
            notifier.Success(done!);
        }
        else
        {
            notifier.Error(UserAdminMessages.Refused(outcome));
        }

        return RedirectToAction(nameof(Edit), new { id });
    }
}
