using CP.Commerce.Catalog;
using CP.Downloads.Admin;
using CP.Downloads.Log;
using CP.Downloads.Releases;
using CP.Downloads.ViewModels;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using StoreSite;
using StoreSite.Files;
using StoreSite.Notifications;
using StoreSite.Settings;
using StoreSite.Users;

namespace CP.Downloads.Controllers;

/// <summary>
/// Admin -> Products -> a product -> Releases: the list (newest version first, paged), the upload
/// form (multipart <c>version</c>, <c>notes</c>, <c>file</c>, <c>published</c>), publish, unpublish and delete;
/// each release's download count and its downloads (paged, newest first).
/// </summary>
[Route("admin/products/{id:int}/releases")]
public sealed class ReleasesAdminController(
    IProductCatalog catalog,
    ReleaseListQuery list,
    ReleaseUploads uploads,
    ReleaseChanges changes,
    DownloadLogQuery downloads,
    IUserDirectory users,
    ISiteSettingsStore settings,
    IOptions<FilesOptions> files,
    INotifier notifier) : Controller
{
    [HttpGet("", Name = DownloadsRoutes.Releases)]
    [Authorize(Policy = nameof(Permissions.ManageReleases))]
    public async Task<IActionResult> Index(int id, int? page, CancellationToken cancellationToken)
    {
        var product = await catalog.FindProductAsync(id, cancellationToken);
        return product is null ? NotFound() : await ListAsync(product, page, new ReleaseUploadViewModel(), cancellationToken);
    }

    [HttpPost("")]
    [Authorize(Policy = nameof(Permissions.ManageReleases))]
    [TypeFilter<UploadLimitsFilter>]
    public async Task<IActionResult> Upload(int id, string? version, string? notes, string? published, IFormFile? file, CancellationToken cancellationToken)
    {
        var product = await catalog.FindProductAsync(id, cancellationToken);
        if (product is null)
        {
            return NotFound();
        }

        var form = new ReleaseUploadViewModel { Version = version, Notes = notes, Published = published is "true" or "on" };
        ModelState.Clear();
        await using var content = file?.OpenReadStream();
        var outcome = await uploads.CreateAsync(new ReleaseUpload(id, version, notes, form.Published, file?.FileName, content), cancellationToken);
        if (!outcome.Succeeded)
        {
            ModelState.AddModelError(outcome.Field ?? string.Empty, ReleaseMessages.For(outcome.Problem!, outcome.Detail));
            return await ListAsync(product, null, form, cancellationToken);
        }

        notifier.Success(ReleaseMessages.Uploaded(outcome.Value!.Version));
        return RedirectToRoute(DownloadsRoutes.Releases, new { id });
    }

    [HttpGet("{releaseId:int}/downloads", Name = DownloadsRoutes.ReleaseDownloads)]
    [Authorize(Policy = nameof(Permissions.ManageReleases))]
    public async Task<IActionResult> Downloads(int id, int releaseId, int? page, CancellationToken cancellationToken)
    {
        var product = await catalog.FindProductAsync(id, cancellationToken);
        var release = product is null ? null : await list.FindAsync(id, releaseId, cancellationToken);
        if (release is null)
        {
            return NotFound();
        }

        var site = await settings.GetAsync<SiteSettings>(SiteSettings.Section, cancellationToken);
        var (rows, paging) = await downloads.PageForReleaseAsync(releaseId, page, Math.Max(1, site.PageSize), Url.RouteUrl(DownloadsRoutes.ReleaseDownloads, new { id, releaseId })!, cancellationToken);
        var emails = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var customerId in rows.Select(r => r.CustomerId).Distinct(StringComparer.Ordinal))
        {
            // At most one page of customers: the page size bounds these lookups.
            if (await users.FindByIdAsync(customerId, cancellationToken) is { } user)
            {
                emails[customerId] = user.Email;
            }
        }

        return View(new ReleaseDownloadsViewModel(product!, release, rows, paging, emails));
    }

    [HttpPost("{releaseId:int}/publish")]
    [Authorize(Policy = nameof(Permissions.ManageReleases))]
    public Task<IActionResult> Publish(int id, int releaseId, CancellationToken cancellationToken) => SetPublishedAsync(id, releaseId, true, cancellationToken);

    [HttpPost("{releaseId:int}/unpublish")]
    [Authorize(Policy = nameof(Permissions.ManageReleases))]
    public Task<IActionResult> Unpublish(int id, int releaseId, CancellationToken cancellationToken) => SetPublishedAsync(id, releaseId, false, cancellationToken);

    [HttpPost("{releaseId:int}/delete")]
    [Authorize(Policy = nameof(Permissions.ManageReleases))]
    public async Task<IActionResult> Delete(int id, int releaseId, CancellationToken cancellationToken) =>
        Answer(id, await changes.DeleteAsync(id, releaseId, cancellationToken), ReleaseMessages.Deleted);

    private async Task<IActionResult> SetPublishedAsync(int id, int releaseId, bool published, CancellationToken cancellationToken) =>
        Answer(id, await changes.SetPublishedAsync(id, releaseId, published, cancellationToken), ReleaseMessages.Published(published));

    private IActionResult Answer(int id, Outcome outcome, string success)
    {
        if (outcome.Succeeded)
        {
            notifier.Success(success);
        }
        else
        {
            notifier.Error(ReleaseMessages.For(outcome.Problem!, outcome.Detail));
        }

        return RedirectToRoute(DownloadsRoutes.Releases, new { id });
    }

    private async Task<IActionResult> ListAsync(ProductSummary product, int? page, ReleaseUploadViewModel form, CancellationToken cancellationToken)
    {
        var site = await settings.GetAsync<SiteSettings>(SiteSettings.Section, cancellationToken);
        var (releases, paging) = await list.PageAsync(product.ProductId, page, Math.Max(1, site.PageSize), Url.RouteUrl(DownloadsRoutes.Releases, new { id = product.ProductId })!, cancellationToken);
        var counts = await downloads.CountsAsync([.. releases.Select(r => r.Id)], cancellationToken);
        return View("Index", new ReleaseListViewModel(product, releases, paging, form, files.Value.MaxUploadMegabytes) { DownloadCounts = counts });
    }
}
