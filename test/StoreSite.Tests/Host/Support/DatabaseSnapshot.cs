using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Tests.Infrastructure;
using StoreSite.Web.Data;

namespace StoreSite.Tests.Host.Support;

/// <summary>The host's rows that recipes and admin pages change, as sorted text (to compare before and after).</summary>
public static class DatabaseSnapshot
{
    public static Task<IReadOnlyList<string>> SnapshotAsync(this TestSite site) =>
        site.InScopeAsync<IReadOnlyList<string>>(async sp =>
        {
            var db = sp.GetRequiredService<StoreSiteDbContext>();
            var rows = new List<string>();
            rows.AddRange((await db.Users.AsNoTracking().ToListAsync()).Select(u => $"user {u.Id} {u.Email} {u.PasswordHash} {u.SecurityStamp} {u.LockoutEnd}"));
            rows.AddRange((await db.Roles.AsNoTracking().ToListAsync()).Select(r => $"role {r.Id} {r.Name}"));
            rows.AddRange((await db.RoleClaims.AsNoTracking().ToListAsync()).Select(c => $"role-claim {c.RoleId} {c.ClaimType} {c.ClaimValue}"));
            rows.AddRange((await db.UserRoles.AsNoTracking().ToListAsync()).Select(r => $"user-role {r.UserId} {r.RoleId}"));
            rows.AddRange((await db.SiteSettings.AsNoTracking().ToListAsync()).Select(s => $"setting {s.Section} {s.Json}"));
            rows.AddRange((await db.ModuleStates.AsNoTracking().ToListAsync()).Select(m => $"module {m.ModuleId} {m.Enabled}"));
            return rows.Order(StringComparer.Ordinal).ToList();
        });
}
