using CP.Licensing.Admin;
using CP.Licensing.Admin.Records;
using CP.Licensing.Data;
using CP.Licensing.Lifecycle;
using CP.Licensing.Lifecycle.Records;
using CP.Licensing.Models;
using CP.Licensing.ViewModels;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Net.Http.Headers;
using StoreSite;
using StoreSite.Mail;
using StoreSite.Notifications;
using StoreSite.Paging;
using StoreSite.Settings;

namespace CP.Licensing.Controllers;

/// <summary>
/// Admin -> Licenses: the list (search, status, order, paging, CSV export), a key's detail page
/// (environments and history, each paged with its own query parameter; free a slot, change Max
/// Activations, from any page of them), Revoke, and Generate License; Suspend, Reinstate and Edit expiry
/// and Transfer on the key's page, and bulk actions (Revoke, Suspend, Reinstate, Export selected) on the list.
/// </summary>
[Route("admin/licenses")]
public sealed class LicensesAdminController(
    LicenseListQuery list,
    LicenseDetailQuery details,
    LicenseGeneration generation,
    LicenseRevoker revoker,
    LicenseSlots slots,
    LicenseSuspensions suspensions,
    LicenseExpiry expiry,
    LicenseBulkActions bulk,
    LicenseTransfers transfers,
    ISiteSettingsStore settings,
    INotifier notifier) : Controller
{
    [HttpGet("")]
    [Authorize(Policy = nameof(Permissions.ManageLicenses))]
    public async Task<IActionResult> Index(string? q, string? status, string? sort, string? usage, int? page, CancellationToken cancellationToken)
    {
        var filter = LicenseFilter.Parse(q, status, sort, usage);
        var site = await settings.GetAsync<SiteSettings>(SiteSettings.Section, cancellationToken);
        var found = await list.PageAsync(filter, page, Math.Max(1, site.PageSize), cancellationToken);
        var query = filter.ToQueryString();
        var paging = new PageInfo(found.Page, found.PageCount, found.Total, Url.Action(nameof(Index))! + (query.Length == 0 ? string.Empty : "?" + query));
        return View(new LicenseListViewModel(found.Rows, filter, paging));
    }

    [HttpGet("export")]
    [Authorize(Policy = nameof(Permissions.ManageLicenses))]
    public async Task Export(string? q, string? status, string? sort, string? usage, CancellationToken cancellationToken)
    {
        var filter = LicenseFilter.Parse(q, status, sort, usage);
        Response.ContentType = LicenseCsv.ContentType;
        Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = LicenseCsv.FileName(list.Today) }.ToString();
        Response.Headers.CacheControl = "no-store";
        await LicenseCsv.WriteAsync(Response.Body, list.ExportAsync(filter, cancellationToken), list.Today, cancellationToken);
    }

    /// <summary>The history of every license the filter matches, as CSV (streamed).</summary>
    [HttpGet("history/export")]
    [Authorize(Policy = nameof(Permissions.ManageLicenses))]
    public async Task ExportHistory(string? q, string? status, string? sort, CancellationToken cancellationToken)
    {
        var filter = LicenseFilter.Parse(q, status, sort);
        StartCsv(LicenseHistoryCsv.FileName(list.Today));
        await LicenseHistoryCsv.WriteAsync(Response.Body, list.HistoryAsync(filter, cancellationToken), cancellationToken);
    }

    /// <summary>One key's whole history, as CSV (streamed).</summary>
    [HttpGet("{id:int}/history/export")]
    [Authorize(Policy = nameof(Permissions.ManageLicenses))]
    public async Task<IActionResult> ExportKeyHistory(int id, CancellationToken cancellationToken)
    {
        var detail = await details.FindAsync(id, cancellationToken);
        if (detail is null)
        {
            return NotFound();
        }

        StartCsv(LicenseHistoryCsv.FileName(list.Today));
        await LicenseHistoryCsv.WriteAsync(Response.Body, details.HistoryAsync(id), cancellationToken);
        return new EmptyResult();
    }

    [HttpGet("{id:int}")]
    [Authorize(Policy = nameof(Permissions.ManageLicenses))]
    public async Task<IActionResult> Show(int id, int? environments, int? history, CancellationToken cancellationToken)
    {
        var detail = await details.FindAsync(id, cancellationToken);
        return detail is null
            ? NotFound()
            : await ShowAsync(detail, new LicenseDetailPosition(environments, history), detail.License.MaxActivations, cancellationToken);
    }

    [HttpPost("{id:int}/max-activations")]
    [Authorize(Policy = nameof(Permissions.ManageLicenses))]
    public async Task<IActionResult> MaxActivations(int id, MaxActivationsInputModel model, [FromQuery] int? environments, [FromQuery] int? history, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        var position = new LicenseDetailPosition(environments, history);
        Outcome<MaxActivationsChange>? result = ModelState.IsValid
            ? await slots.ChangeMaxActivationsAsync(id, model.MaxActivations!.Value, Actor(), cancellationToken)
            : null;
        if (result is { Problem: LicenseProblems.NotFound })
        {
            return NotFound();
        }

        if (result is { Succeeded: true, Value: { } change })
        {
            notifier.Success(LicenseActionMessages.MaxActivationsChanged(change));
            return Redirect(position.WithQuery(ShowPath(id)));
        }

        var detail = await details.FindAsync(id, cancellationToken);
        if (detail is null)
        {
            return NotFound();
        }

        if (detail.Status == LicenseStatus.Revoked)
        {
            // A revoked key's page has no limit form to show the message next to.
            notifier.Error(LicenseActionMessages.Revoked);
            return Redirect(position.WithQuery(ShowPath(id)));
        }

        if (result is { } refused)
        {
            ModelState.AddModelError(nameof(model.MaxActivations), LicenseActionMessages.ChangeRefused(refused.WithoutValue(), detail.License, model.MaxActivations!.Value));
        }

        return await ShowAsync(detail, position, model.MaxActivations, cancellationToken);
    }

    [HttpPost("{id:int}/environments/{environmentId:int}/remove")]
    [Authorize(Policy = nameof(Permissions.ManageLicenses))]
    public async Task<IActionResult> FreeSlot(int id, int environmentId, [FromQuery] int? environments, [FromQuery] int? history, CancellationToken cancellationToken)
    {
        var result = await slots.FreeSlotAsync(id, environmentId, Actor(), cancellationToken);
        if (result.Problem == LicenseProblems.NotFound)
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            notifier.Success(LicenseActionMessages.SlotFreed(result.Value!));
        }
        else
        {
            var detail = await details.FindAsync(id, cancellationToken);
            if (detail is null)
            {
                return NotFound();
            }

            notifier.Error(LicenseActionMessages.ChangeRefused(result.WithoutValue(), detail.License, detail.License.MaxActivations));
        }

        // Back to the same pages; one that no longer exists (its last environment freed) shows the last one.
        return Redirect(new LicenseDetailPosition(environments, history).WithQuery(ShowPath(id)));
    }

    [HttpGet("{id:int}/revoke")]
    [Authorize(Policy = nameof(Permissions.ManageLicenses))]
    public async Task<IActionResult> Revoke(int id, CancellationToken cancellationToken)
    {
        var (detail, refusal) = await RevocableAsync(id, cancellationToken);
        return refusal ?? View(new RevokeLicenseViewModel { Detail = detail });
    }

    [HttpPost("{id:int}/revoke")]
    [Authorize(Policy = nameof(Permissions.ManageLicenses))]
    public async Task<IActionResult> Revoke(int id, RevokeLicenseViewModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        var (detail, refusal) = await RevocableAsync(id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (!ModelState.IsValid || string.IsNullOrWhiteSpace(model.Reason))
        {
            if (ModelState.IsValid)
            {
                ModelState.AddModelError(nameof(model.Reason), LicenseActionMessages.RevokeReasonRequired);
            }

            model.Detail = detail;
            return View(model);
        }

        var revoked = await revoker.RevokeAsync(id, model.Reason, Actor(), cancellationToken);
        switch (revoked.Problem)
        {
            case LicenseProblems.NotFound:
                return NotFound();
            case LicenseProblems.AlreadyRevoked:
                notifier.Error(LicenseActionMessages.AlreadyRevoked((await details.FindAsync(id, cancellationToken))!.License));
                break;
            default:
                notifier.Success(LicenseActionMessages.RevokeDone);
                break;
        }

        return RedirectToAction(nameof(Show), new { id });
    }

    [HttpGet("generate")]
    [Authorize(Policy = nameof(Permissions.ManageLicenses))]
    public async Task<IActionResult> Generate(string? customer, string? product, int? plan, CancellationToken cancellationToken)
    {
        var model = new GenerateLicenseViewModel
        {
            // Prefilled from "generate a new key instead" links; the post validates them like typed text.
            CustomerEmail = customer?.Length > LicenseConfiguration.EmailMaxLength ? null : customer,
            ProductName = product?.Length > LicenseConfiguration.ProductNameMaxLength ? null : product,
        };
        ModelState.Clear();
        if (plan is { } planId)
        {
            await FillAsync(model, planId, cancellationToken);
        }

        return await GenerateViewAsync(model, cancellationToken);
    }

    [HttpPost("generate")]
    [Authorize(Policy = nameof(Permissions.ManageLicenses))]
    public async Task<IActionResult> Generate(GenerateLicenseViewModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);

        // A plan chosen (the button without script, or a post whose plan changed): its settings fill the form, nothing is issued yet.
        var planValid = ModelState.GetFieldValidationState(nameof(model.PlanId)) != ModelValidationState.Invalid;
        if (planValid && model.PlanId is { } planId && (model.Step == GenerateLicenseViewModel.FillStep || planId != model.FilledFromPlanId))
        {
            ModelState.Clear();
            model.Filled = await FillAsync(model, planId, cancellationToken);
            return await GenerateViewAsync(model, cancellationToken);
        }

        if (ModelState.GetFieldValidationState(nameof(model.MatchBy)) == ModelValidationState.Invalid || !Enum.IsDefined(model.MatchBy))
        {
            ModelState.Remove(nameof(model.MatchBy));
            ModelState.AddModelError(nameof(model.MatchBy), LicenseActionMessages.MatchRuleRequired);
        }

        if (ModelState.GetFieldValidationState(nameof(model.CustomerEmail)) != ModelValidationState.Invalid && !EmailAddressRule.IsValid(model.CustomerEmail?.Trim()))
        {
            ModelState.AddModelError(nameof(model.CustomerEmail), LicenseActionMessages.InvalidEmail);
        }

        if (ModelState.GetFieldValidationState(nameof(model.ProductName)) != ModelValidationState.Invalid
            && ModelState.GetFieldValidationState(nameof(model.ProductId)) != ModelValidationState.Invalid
            && model.ProductId is null && model.PlanId is null && string.IsNullOrWhiteSpace(model.ProductName))
        {
            ModelState.AddModelError(nameof(model.ProductName), LicenseActionMessages.ProductNameRequired);
        }

        if (model.ExpiresOn is { } expiry && expiry < list.Today)
        {
            ModelState.AddModelError(nameof(model.ExpiresOn), LicenseActionMessages.ExpiryInPast);
        }

        if (!ModelState.IsValid)
        {
            return await GenerateViewAsync(model, cancellationToken);
        }

        var result = await generation.GenerateAsync(model.ToRequest(), Actor(), cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(result.Field ?? string.Empty, LicenseActionMessages.GenerateRefused(result.WithoutValue()));
            return await GenerateViewAsync(model, cancellationToken);
        }

        notifier.Success(LicenseActionMessages.Generated(result.Value!));
        return RedirectToAction(nameof(Show), new { id = result.Value!.License.Id });
    }

    /// <summary>Fills <paramref name="model"/> with plan <paramref name="planId"/>'s settings; an unknown plan is said next to the picker.</summary>
    private async Task<bool> FillAsync(GenerateLicenseViewModel model, int planId, CancellationToken cancellationToken)
    {
        var defaults = await generation.DefaultsAsync(planId, cancellationToken);
        if (defaults is null)
        {
            model.PlanId = null;
            ModelState.AddModelError(nameof(model.PlanId), LicenseActionMessages.PlanUnknown);
            return false;
        }

        model.Fill(defaults);
        return true;
    }

    private async Task<IActionResult> GenerateViewAsync(GenerateLicenseViewModel model, CancellationToken cancellationToken)
    {
        model.Choices = await generation.ChoicesAsync(cancellationToken);
        return View(nameof(Generate), model);
    }

    #region License lifecycle, the admin's side: suspend, reinstate, expiry, bulk

    [HttpPost("{id:int}/suspend")]
    [Authorize(Policy = nameof(Permissions.ManageLicenses))]
    public async Task<IActionResult> Suspend(int id, SuspendLicenseInputModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        var result = await suspensions.SuspendAsync(id, model.Reason, Actor(), cancellationToken);
        switch (result.Problem)
        {
            case LicenseProblems.NotFound:
                return NotFound();
            case LicenseProblems.ReasonRequired or LicenseProblems.ReasonTooLong:
                var detail = await details.FindAsync(id, cancellationToken);
                if (detail is null)
                {
                    return NotFound();
                }

                ModelState.AddModelError(nameof(LicenseDetailViewModel.Reason), LicenseActionMessages.SuspensionRefused(result));
                return await ShowAsync(detail, new LicenseDetailPosition(null, null), detail.License.MaxActivations, cancellationToken, reason: model.Reason);
            case null:
                notifier.Success(LicenseActionMessages.SuspendDone);
                break;
            default:
                notifier.Error(LicenseActionMessages.SuspensionRefused(result));
                break;
        }

        return RedirectToAction(nameof(Show), new { id });
    }

    [HttpPost("{id:int}/reinstate")]
    [Authorize(Policy = nameof(Permissions.ManageLicenses))]
    public async Task<IActionResult> Reinstate(int id, CancellationToken cancellationToken)
    {
        var result = await suspensions.ReinstateAsync(id, Actor(), cancellationToken);
        if (result.Problem == LicenseProblems.NotFound)
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            notifier.Success(LicenseActionMessages.ReinstateDone);
        }
        else
        {
            notifier.Error(LicenseActionMessages.SuspensionRefused(result));
        }

        return RedirectToAction(nameof(Show), new { id });
    }

    [HttpPost("{id:int}/expiry")]
    [Authorize(Policy = nameof(Permissions.ManageLicenses))]
    public async Task<IActionResult> Expiry(int id, ExpiryInputModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (ModelState.IsValid && (model.Lifetime || model.Expiry is not null))
        {
            var result = await expiry.ChangeAsync(id, model.Lifetime ? null : model.Expiry, Actor(), cancellationToken);
            switch (result.Problem)
            {
                case LicenseProblems.NotFound:
                    return NotFound();
                case null:
                    notifier.Success(LicenseActionMessages.ExpiryChanged(result.Value!));
                    return RedirectToAction(nameof(Show), new { id });
                case LicenseProblems.Revoked:
                    notifier.Error(LicenseActionMessages.Revoked);
                    return RedirectToAction(nameof(Show), new { id });
                default:
                    ModelState.AddModelError(nameof(model.Expiry), LicenseActionMessages.ChangedMeanwhile);
                    break;
            }
        }
        else if (ModelState.IsValid)
        {
            ModelState.AddModelError(nameof(model.Expiry), LicenseActionMessages.ExpiryRequired);
        }

        var detail = await details.FindAsync(id, cancellationToken);
        if (detail is null)
        {
            return NotFound();
        }

        if (detail.Status == LicenseStatus.Revoked)
        {
            notifier.Error(LicenseActionMessages.Revoked);
            return RedirectToAction(nameof(Show), new { id });
        }

        return await ShowAsync(detail, new LicenseDetailPosition(null, null), detail.License.MaxActivations, cancellationToken, expiry: model.Expiry);
    }

    [HttpPost("{id:int}/transfer")]
    [Authorize(Policy = nameof(Permissions.ManageLicenses))]
    public async Task<IActionResult> Transfer(int id, [FromForm] string? customerEmail, CancellationToken cancellationToken)
    {
        var result = await transfers.TransferAsync(id, customerEmail, Actor(), cancellationToken);
        switch (result.Problem)
        {
            case LicenseProblems.NotFound:
                return NotFound();
            case null:
                notifier.Success(LicenseActionMessages.TransferDone(result.Value!));
                return RedirectToAction(nameof(Show), new { id });
            case LicenseProblems.Revoked:
                notifier.Error(LicenseActionMessages.Revoked);
                return RedirectToAction(nameof(Show), new { id });
        }

        var detail = await details.FindAsync(id, cancellationToken);
        if (detail is null)
        {
            return NotFound();
        }

        ModelState.AddModelError(nameof(LicenseDetailViewModel.CustomerEmail), LicenseActionMessages.TransferRefused(result.WithoutValue()));
        return await ShowAsync(detail, new LicenseDetailPosition(null, null), detail.License.MaxActivations, cancellationToken, customerEmail: customerEmail);
    }

    [HttpPost("bulk")]
    [Authorize(Policy = nameof(Permissions.ManageLicenses))]
    public async Task<IActionResult> Bulk(LicenseBulkInputModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        var filter = LicenseFilter.Parse(model.Q, model.Status, model.Sort, model.Usage);
        var query = filter.ToQueryString();
        var back = Url.Action(nameof(Index))! + (query.Length == 0 ? string.Empty : "?" + query);
        var action = LicenseBulkActions.Parse(model.Action);
        IReadOnlyCollection<int> ids = model.All ? await list.IdsAsync(filter, cancellationToken) : model.Ids.Distinct().ToList();
        if (action == LicenseBulkAction.Export && ids.Count > 0)
        {
            Response.Headers.CacheControl = "no-store";
            Response.ContentType = LicenseCsv.ContentType;
            Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = LicenseCsv.FileName(list.Today) }.ToString();
            await LicenseCsv.WriteAsync(Response.Body, list.ExportAsync(ids), list.Today, cancellationToken);
            return new EmptyResult();
        }

        var result = action is { } chosen and not LicenseBulkAction.Export
            ? await bulk.RunAsync(chosen, ids, model.Reason, Actor(), cancellationToken)
            : Outcome.Refused(ids.Count == 0 ? LicenseProblems.NothingSelected : LicenseProblems.BulkActionUnknown);
        if (result.Succeeded)
        {
            notifier.Success(LicenseActionMessages.BulkDone(action!.Value, result.Value!));
        }
        else
        {
            notifier.Error(LicenseActionMessages.BulkRefused(result.WithoutValue()));
        }

        return Redirect(back);
    }

    #endregion

    /// <summary>The key's page at <paramref name="position"/>, its lists as long as the site's page size.</summary>
    private async Task<IActionResult> ShowAsync(LicenseDetail detail, LicenseDetailPosition position, int? maxActivations, CancellationToken cancellationToken, string? reason = null, DateOnly? expiry = null, string? customerEmail = null)
    {
        var site = await settings.GetAsync<SiteSettings>(SiteSettings.Section, cancellationToken);
        var lists = await details.ListsAsync(detail.License.Id, position, Math.Max(1, site.PageSize), ShowPath(detail.License.Id), cancellationToken);
        return View(nameof(Show), new LicenseDetailViewModel { Detail = detail, Lists = lists, MaxActivations = maxActivations, Reason = reason, Expiry = expiry ?? detail.License.ExpiresOn, CustomerEmail = customerEmail });
    }

    /// <summary>The license to revoke, or what to answer instead: 404, or back to its page when it is already revoked.</summary>
    private async Task<(LicenseDetail? Detail, IActionResult? Refusal)> RevocableAsync(int id, CancellationToken cancellationToken)
    {
        var detail = await details.FindAsync(id, cancellationToken);
        if (detail is null)
        {
            return (null, NotFound());
        }

        if (detail.Status == LicenseStatus.Revoked)
        {
            notifier.Error(LicenseActionMessages.AlreadyRevoked(detail.License));
            return (detail, RedirectToAction(nameof(Show), new { id }));
        }

        return (detail, null);
    }

    private void StartCsv(string fileName)
    {
        Response.ContentType = LicenseCsv.ContentType;
        Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = fileName }.ToString();
        Response.Headers.CacheControl = "no-store";
    }

    private string Actor() => User.Identity?.Name is { Length: > 0 } name ? name : "admin";

    /// <summary>The path of a key's admin page, from its route.</summary>
    private string ShowPath(int id) => Url.Action(nameof(Show), new { id })!;
}
