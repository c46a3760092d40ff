using StoreSite.Paging;
using Microsoft.EntityFrameworkCore;

namespace StoreSite.Data;

/// <summary>Pages an ordered query in the database (Skip/Take in SQL); page numbers out of range are clamped (<see cref="PageInfo.Clamp"/>).</summary>
public static class PagedQuery
{
    public static async Task<(List<T> Items, PageInfo Paging)> PageAsync<T>(this IQueryable<T> ordered, int? page, int pageSize, string baseUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ordered);
        var total = await ordered.CountAsync(cancellationToken);
        var paging = PageOf(total, page, pageSize, baseUrl);
        return (await ordered.PageItemsAsync(paging, pageSize, cancellationToken), paging);
    }

    /// <summary>Where page <paramref name="page"/> of <paramref name="total"/> rows is, clamped.</summary>
    public static PageInfo PageOf(int total, int? page, int pageSize, string baseUrl)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var pageCount = PageInfo.CountPages(total, pageSize);
        return new PageInfo(PageInfo.Clamp(page, pageCount), pageCount, total, baseUrl);
    }

    /// <summary>The rows of <paramref name="paging"/>'s page.</summary>
    public static Task<List<T>> PageItemsAsync<T>(this IQueryable<T> ordered, PageInfo paging, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ordered);
        ArgumentNullException.ThrowIfNull(paging);
        return paging.Total == 0
            ? Task.FromResult(new List<T>())
            : ordered.Skip((paging.Page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
    }
}
