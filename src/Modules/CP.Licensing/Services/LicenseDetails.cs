using CP.Commerce.Data;
using CP.Licensing.Data;
using Microsoft.EntityFrameworkCore;

namespace CP.Licensing.Services;

/// <summary>Loads a license for its admin detail page.</summary>
public sealed class LicenseDetails(LicensingDbContext db, CommerceDbContext commerce, TimeProvider clock)
{
    public async Task<LicenseDetail?> FindAsync(int id, CancellationToken cancellationToken)
    {
        var license = await db.Licenses.AsNoTracking()
            .Include(l => l.Activations.OrderBy(a => a.Id))
            .Include(l => l.Events.OrderBy(e => e.Id))
            .AsSplitQuery()
            .FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (license is null)
        {
            return null;
        }

        var planName = license.PlanId is { } planId
            ? await commerce.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken)
            : null;
        return new LicenseDetail(license, planName, license.StatusOn(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)));
    }
}
