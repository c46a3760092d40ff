using CP.Commerce.Data;
using Microsoft.EntityFrameworkCore;
using StoreSite.Settings;

namespace CP.Commerce.Settings;

/// <summary>Commerce's answer before the store's currency changes: how many orders (they keep their currency) and plan prices (not converted) there are.</summary>
public sealed class CommerceCurrencyUsage(CommerceDbContext db) : ICurrencyUsage
{
    public async Task<CurrencyUsage> CountAsync(CancellationToken cancellationToken) =>
        new(await db.Orders.CountAsync(cancellationToken), await db.Plans.CountAsync(cancellationToken));
}
