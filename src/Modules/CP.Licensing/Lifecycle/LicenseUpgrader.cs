using CP.Commerce.Events;
using CP.Licensing.Data;
using CP.Licensing.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using StoreSite.Data;

namespace CP.Licensing.Lifecycle;

/// <summary>
/// Applies an order's paid upgrade lines to their keys: the same key takes the new plan's Max
/// Activations, match rule, development and deactivation settings and name (its renewals then follow
/// the new plan's validity); the expiry stays, unless the new plan is Lifetime, which makes the key
/// Lifetime. Environments are kept. A <see cref="LicenseUpgrade"/> row keeps what the key had, so a
/// refund of the line puts it back (environments beyond the old Max stay; no new one until below it).
/// </summary>
public sealed partial class LicenseUpgrader(LicensingDbContext db, SiteDatabase database, TimeProvider clock, ILogger<LicenseUpgrader> logger)
{
    public async Task<IReadOnlyList<LicenseUpgrade>> UpgradeForOrderAsync(OrderSnapshot order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var lines = order.Lines.Where(l => l.Kind == OrderLineKind.Upgrade && l.LicenseId is not null).ToList();
        if (lines.Count == 0)
        {
            return [];
        }

        await using var transaction = await database.BeginTransactionAsync(cancellationToken);
        var done = (await db.LicenseUpgrades.AsNoTracking().Where(u => u.OrderNumber == order.Number).Select(u => u.LineNumber).ToListAsync(cancellationToken)).ToHashSet();
        var now = clock.GetUtcNow();
        var upgraded = new List<LicenseUpgrade>();
        foreach (var line in lines.Where(l => !done.Contains(l.LineNumber)))
        {
            var id = line.LicenseId!.Value;
            await LicenseRenewer.LockAsync(database, id, cancellationToken);
            var license = await db.Licenses.FirstOrDefaultAsync(l => l.Id == id && l.CustomerId == order.CustomerId, cancellationToken);
            var plan = await db.PlanLicensingSettings.AsNoTracking().FirstOrDefaultAsync(p => p.PlanId == line.PlanId, cancellationToken);
            if (license is not { RevokedAt: null } || plan is null)
            {
                LogNotUpgraded(logger, order.Number, line.LineNumber, id);
                continue;
            }

            var upgrade = new LicenseUpgrade
            {
                LicenseId = id,
                OrderNumber = order.Number,
                LineNumber = line.LineNumber,
                FromPlanId = license.PlanId,
                ToPlanId = line.PlanId,
                FromProductName = license.ProductName,
                FromMaxActivations = license.MaxActivations,
                FromMatchBy = license.MatchBy,
                FromDevelopmentSitesFree = license.DevelopmentSitesFree,
                FromDeactivationsAllowed = license.DeactivationsAllowed,
                FromDeactivationsPer30Days = license.DeactivationsPer30Days,
                FromExpiresOn = license.ExpiresOn,
                UpgradedAt = now,
            };
            var name = line.Title.Length <= LicenseConfiguration.ProductNameMaxLength ? line.Title : line.Title[..LicenseConfiguration.ProductNameMaxLength];
            license.Events.Add(new LicenseEvent
            {
                At = now,
                Kind = LicenseEventKind.Upgraded,
                Actor = LicenseIssuer.SystemActor,
                Detail = $"Upgraded by order {order.Number}, line {line.LineNumber}: from {license.ProductName} to {name}, "
                    + $"Max Activations from {Max(license.MaxActivations)} to {Max(plan.MaxActivations)}"
                    + (plan.ValidityUnit == LicenseValidityUnit.Lifetime && license.ExpiresOn is not null ? ", now Lifetime." : "."),
            });
            license.PlanId = line.PlanId;
            license.ProductName = name;
            license.MaxActivations = plan.MaxActivations;
            license.MatchBy = plan.MatchBy;
            license.DevelopmentSitesFree = plan.DevelopmentSitesFree;
            license.DeactivationsAllowed = plan.DeactivationsAllowed;
            license.DeactivationsPer30Days = plan.DeactivationsPer30Days;
            if (plan.ValidityUnit == LicenseValidityUnit.Lifetime)
            {
                license.ExpiresOn = null;
            }

            db.LicenseUpgrades.Add(upgrade);
            upgraded.Add(upgrade);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        foreach (var upgrade in upgraded)
        {
            LogUpgraded(logger, upgrade.LicenseId, order.Number, upgrade.ToPlanId);
        }

        return upgraded;
    }

    /// <summary>
    /// Upgrade lines of <paramref name="orderNumber"/> are refunded (<paramref name="lineNumbers"/>, or all
    /// when null): each key goes back to the plan and settings it had, and to its expiry when the upgrade
    /// made it Lifetime. A key revoked since, or moved on to yet another plan, is left as it is.
    /// </summary>
    public async Task UndoAsync(string orderNumber, IReadOnlyCollection<int>? lineNumbers, string actor, CancellationToken cancellationToken)
    {
        await using var transaction = await database.BeginTransactionAsync(cancellationToken);
        var refunded = await db.LicenseUpgrades
            .Where(u => u.OrderNumber == orderNumber && u.RefundedAt == null)
            .OrderBy(u => u.Id)
            .ToListAsync(cancellationToken);
        refunded = lineNumbers is null ? refunded : refunded.FindAll(u => lineNumbers.Contains(u.LineNumber));
        if (refunded.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        foreach (var upgrade in refunded)
        {
            upgrade.RefundedAt = now;
            await LicenseRenewer.LockAsync(database, upgrade.LicenseId, cancellationToken);
            var license = await db.Licenses.FirstAsync(l => l.Id == upgrade.LicenseId, cancellationToken);
            if (license.RevokedAt is not null || license.PlanId != upgrade.ToPlanId)
            {
                continue;
            }

            license.Events.Add(new LicenseEvent
            {
                At = now,
                Kind = LicenseEventKind.Upgraded,
                Actor = LicenseSets.Actor(actor),
                Detail = $"Upgrade of order {orderNumber} refunded: back from {license.ProductName} to {upgrade.FromProductName}, "
                    + $"Max Activations from {Max(license.MaxActivations)} to {Max(upgrade.FromMaxActivations)}"
                    + (license.ExpiresOn is null && upgrade.FromExpiresOn is not null ? $", expiry {LicenseRenewer.Day(upgrade.FromExpiresOn)}." : "."),
            });
            license.PlanId = upgrade.FromPlanId;
            license.ProductName = upgrade.FromProductName;
            license.MaxActivations = upgrade.FromMaxActivations;
            license.MatchBy = upgrade.FromMatchBy;
            license.DevelopmentSitesFree = upgrade.FromDevelopmentSitesFree;
            license.DeactivationsAllowed = upgrade.FromDeactivationsAllowed;
            license.DeactivationsPer30Days = upgrade.FromDeactivationsPer30Days;
            if (license.ExpiresOn is null && upgrade.FromExpiresOn is not null)
            {
                license.ExpiresOn = upgrade.FromExpiresOn;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static string Max(int activations) => activations == 0 ? "unlimited" : activations.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Information, Message = "License {LicenseId} upgraded by order {OrderNumber} to plan {PlanId}")]
    private static partial void LogUpgraded(ILogger logger, int licenseId, string orderNumber, int planId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderNumber} line {LineNumber} upgrades license {LicenseId}, which can no longer be upgraded (revoked, or the plan is gone); nothing changed")]
    private static partial void LogNotUpgraded(ILogger logger, string orderNumber, int lineNumber, int licenseId);
}
