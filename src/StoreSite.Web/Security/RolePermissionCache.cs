using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;
using StoreSite.Web.Data;

namespace StoreSite.Web.Security;

/// <summary>
/// Role name -> permissions, read from Identity's role claims and kept for a few seconds
/// (singleton). Changes on this node clear it at once.
/// </summary>
public sealed class RolePermissionCache(IServiceScopeFactory scopes, TimeProvider clock)
{
    public const string ClaimType = "Permission";
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);
    private (FrozenDictionary<string, FrozenSet<string>> Map, DateTimeOffset ReadAt)? _cached;

    public async Task<FrozenDictionary<string, FrozenSet<string>>> GetAsync(CancellationToken cancellationToken)
    {
        var cached = _cached;
        if (cached is { } hit && clock.GetUtcNow() - hit.ReadAt < Lifetime)
        {
            return hit.Map;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StoreSiteDbContext>();
        var rows = await (from claim in db.RoleClaims.AsNoTracking()
                          join role in db.Roles.AsNoTracking() on claim.RoleId equals role.Id
                          where claim.ClaimType == ClaimType
                          select new { role.Name, claim.ClaimValue }).ToListAsync(cancellationToken);
        var map = rows
            .Where(r => r.Name is not null && r.ClaimValue is not null)
            .GroupBy(r => r.Name!, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(g => g.Key, g => g.Select(r => r.ClaimValue!).ToFrozenSet(StringComparer.Ordinal), StringComparer.OrdinalIgnoreCase);
        _cached = (map, clock.GetUtcNow());
        return map;
    }

    public void Clear() => _cached = null;
}
