using CP.Commerce.ViewModels;
using Microsoft.EntityFrameworkCore;

namespace CP.Commerce.Services;

/// <summary>Pages an ordered query in the database; absurd page numbers give the first page.</summary>
public static class PagedQuery
{
    public static async Task<(List<T> Items, PageInfo Paging)> PageAsync<T>(this IQueryable<T> ordered, int? page, int pageSize, string baseUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ordered);
        var total = await ordered.CountAsync(cancellationToken);
        var pageCount = PageInfo.CountPages(total, pageSize);
        var paging = new PageInfo(PageInfo.Clamp(page, pageCount), pageCount, total, baseUrl);
        var items = await ordered.Skip((paging.Page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return (items, paging);
    }
}
