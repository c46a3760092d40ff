using CP.Commerce.Catalog;
using CP.Licensing.Admin.Records;
using CP.Licensing.Data;
using CP.Licensing.Models;
using Microsoft.EntityFrameworkCore;
using StoreSite.Data;
using StoreSite.Paging;

namespace CP.Licensing.Admin;

/// <summary>
/// Loads a license for its admin detail page: the license row, and a page of its environments and of
/// its history (production environments; its development environments apart). An unlimited key can have any number of environments, and every one adds a history
/// entry, so both lists page in the database (Skip/Take in SQL, in id order, which is stable).
/// </summary>
public sealed class LicenseDetailQuery(LicensingDbContext db, IProductCatalog catalog, TimeProvider clock)
{
    public async Task<LicenseDetail?> FindAsync(int id, CancellationToken cancellationToken)
    {
        var license = await db.Licenses.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (license is null)
        {
            return null;
        }

        var planName = license.PlanId is { } planId
            ? (await catalog.FindPlanAsync(planId, cancellationToken))?.PlanName
            : null;
        return new LicenseDetail(license, planName, license.StatusOn(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)));
    }

    /// <summary>License <paramref name="licenseId"/>'s whole history, oldest first, streamed (the history CSV).</summary>
    public IAsyncEnumerable<LicenseHistoryExportRow> HistoryAsync(int licenseId) =>
        db.LicenseEvents.AsNoTracking()
            .Where(e => e.LicenseId == licenseId)
            .Join(db.Licenses, e => e.LicenseId, l => l.Id, (e, l) => new { e, l.Key })
            .OrderBy(x => x.e.Id)
            .Select(x => new LicenseHistoryExportRow(x.Key, x.e.At, x.e.Kind, x.e.Actor, x.e.Detail))
            .AsAsyncEnumerable();

    /// <summary>
    /// The pages of license <paramref name="licenseId"/>'s environments and history that
    /// <paramref name="position"/> asks for, <paramref name="pageSize"/> rows each; a page beyond the
    /// last gives the last one. <paramref name="pagePath"/> is the key page's path (from its route), for the pagers.
    /// <paramref name="historyKinds"/>, when given, keeps only those kinds of history entries (the customer's page).
    /// </summary>
    public async Task<LicenseDetailLists> ListsAsync(int licenseId, LicenseDetailPosition position, int pageSize, string pagePath, CancellationToken cancellationToken, IReadOnlyCollection<LicenseEventKind>? historyKinds = null)
    {
        ArgumentNullException.ThrowIfNull(position);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var environments = db.LicenseActivations.AsNoTracking().Where(a => a.LicenseId == licenseId && !a.IsDevelopment).OrderBy(a => a.Id);
        var events = db.LicenseEvents.AsNoTracking().Where(e => e.LicenseId == licenseId);
        var history = (historyKinds is null ? events : events.Where(e => historyKinds.Contains(e.Kind))).OrderBy(e => e.Id);
        var environmentCount = await environments.CountAsync(cancellationToken);
        var historyCount = await history.CountAsync(cancellationToken);
        var shown = new LicenseDetailPosition(
            PageInfo.Clamp(position.Environments, PageInfo.CountPages(environmentCount, pageSize)),
            PageInfo.Clamp(position.History, PageInfo.CountPages(historyCount, pageSize)));

        // Each pager's links keep the other list's page.
        var environmentsPaging = PagedQuery.PageOf(environmentCount, shown.Environments, pageSize, BaseUrl(pagePath, shown, LicenseDetailPosition.EnvironmentsParameter))
            with { Parameter = LicenseDetailPosition.EnvironmentsParameter, Anchor = "#environments", Label = "Pages of environments" };
        var historyPaging = PagedQuery.PageOf(historyCount, shown.History, pageSize, BaseUrl(pagePath, shown, LicenseDetailPosition.HistoryParameter))
            with { Parameter = LicenseDetailPosition.HistoryParameter, Anchor = "#history", Label = "Pages of history" };
        return new LicenseDetailLists(
            await environments.PageItemsAsync(environmentsPaging, pageSize, cancellationToken),
            environmentsPaging,
            await history.PageItemsAsync(historyPaging, pageSize, cancellationToken),
            historyPaging,
            shown)
        {
            Development = await DevelopmentAsync(db, licenseId, cancellationToken),
        };
    }

    /// <summary>
    /// A key's development environments, oldest first: few (the site's limit per key, at most
    /// <see cref="Settings.LicensingSettingsStore.MaxDevelopmentSitesLimit"/>), so not paged.
    /// </summary>
    public static Task<List<LicenseActivation>> DevelopmentAsync(LicensingDbContext db, int licenseId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.LicenseActivations.AsNoTracking()
            .Where(a => a.LicenseId == licenseId && a.IsDevelopment)
            .OrderBy(a => a.Id)
            .Take(Settings.LicensingSettingsStore.MaxDevelopmentSitesLimit)
            .ToListAsync(cancellationToken);
    }

    private static string BaseUrl(string pagePath, LicenseDetailPosition shown, string list)
    {
        var query = shown.QueryString(except: list);
        return query.Length == 0 ? pagePath : pagePath + "?" + query;
    }
}
