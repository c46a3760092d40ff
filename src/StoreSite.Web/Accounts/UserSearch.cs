using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using StoreSite.Web.Data;

namespace StoreSite.Web.Accounts;

/// <summary>Finds accounts for the admin Users page: search by email and paging done in the database.</summary>
public sealed class UserSearch(StoreSiteDbContext db, UserManager<StoreUser> users, TimeProvider clock)
{
    /// <summary>Search terms longer than any email address are cut to this length.</summary>
    public const int MaxQueryLength = AccountRules.MaxEmailLength;

    /// <summary>
    /// The accounts whose email contains <paramref name="query"/> (any case), ordered by email.
    /// A page number out of range shows the nearest page.
    /// </summary>
    public async Task<UserPage> SearchAsync(string? query, int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var accounts = db.Users.AsNoTracking();
        var term = query?.Trim();
        if (!string.IsNullOrEmpty(term))
        {
            var normalized = users.NormalizeEmail(term.Length > MaxQueryLength ? term[..MaxQueryLength] : term);
            accounts = accounts.Where(u => u.NormalizedEmail!.Contains(normalized));
        }

        var total = await accounts.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        var pageNumber = Math.Clamp(page, 1, pageCount);
        var found = await accounts
            .OrderBy(u => u.NormalizedEmail)
            .ThenBy(u => u.Id)
            .Skip((pageNumber - 1) * pageSize)
            .Take(pageSize)
            .ToListAsync(cancellationToken);
        return new UserPage(await ToRowsAsync(found, cancellationToken), pageNumber, pageCount, total);
    }

    /// <summary>One account, or null when the id is unknown.</summary>
    public async Task<UserRow?> FindAsync(string id, CancellationToken cancellationToken)
    {
        if (!AccountRules.IsUserId(id))
        {
            return null;
        }

        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        return user is null ? null : (await ToRowsAsync([user], cancellationToken))[0];
    }

    /// <summary>Every role of the site, by name.</summary>
    public async Task<IReadOnlyList<string>> RoleNamesAsync(CancellationToken cancellationToken) =>
        (await db.Roles.AsNoTracking().Where(r => r.Name != null).Select(r => r.Name!).ToListAsync(cancellationToken))
            .Order(StringComparer.OrdinalIgnoreCase)
            .ToList();

    private async Task<List<UserRow>> ToRowsAsync(List<StoreUser> found, CancellationToken cancellationToken)
    {
        var ids = found.Select(u => u.Id).ToList();
        var roles = await (from userRole in db.UserRoles.AsNoTracking()
                           join role in db.Roles.AsNoTracking() on userRole.RoleId equals role.Id
                           where ids.Contains(userRole.UserId)
                           select new { userRole.UserId, role.Name }).ToListAsync(cancellationToken);
        var rolesByUser = roles.Where(r => r.Name is not null).ToLookup(r => r.UserId, r => r.Name!);
        var now = clock.GetUtcNow();
        return found
            .Select(u => new UserRow(
                u.Id,
                u.Email ?? u.UserName ?? u.Id,
                rolesByUser[u.Id].Order(StringComparer.OrdinalIgnoreCase).ToList(),
                u.CreatedAt,
                u.LockoutEnd > now ? u.LockoutEnd : null))
            .ToList();
    }
}
