using CP.Commerce.Events;
using CP.Licensing.Data;
using CP.Licensing.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using StoreSite.Data;

namespace CP.Licensing.Lifecycle;

/// <summary>
/// Applies an order's paid renewal lines to their keys: <c>expiry = max(expiry, paid date) + validity</c>
/// (<see cref="LicenseValidity.RenewedExpiry"/>, the calendar arithmetic of issuance), a history entry,
/// and a <see cref="LicenseRenewal"/> row that says what the line did (once per line: a unique index).
/// No key is issued. A whole refund puts each renewed key back to what its remaining paid renewals give.
/// </summary>
public sealed partial class LicenseRenewer(LicensingDbContext db, SiteDatabase database, TimeProvider clock, ILogger<LicenseRenewer> logger)
{
    public async Task<IReadOnlyList<LicenseRenewal>> RenewForOrderAsync(OrderSnapshot order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var lines = order.Lines.Where(l => l.Kind == OrderLineKind.Renewal && l.LicenseId is not null).ToList();
        if (lines.Count == 0)
        {
            return [];
        }

        await using var transaction = await database.BeginTransactionAsync(cancellationToken);
        var done = (await db.LicenseRenewals.AsNoTracking().Where(r => r.OrderNumber == order.Number).Select(r => r.LineNumber).ToListAsync(cancellationToken)).ToHashSet();
        var now = clock.GetUtcNow();
        var paidOn = DateOnly.FromDateTime((order.PaidAt ?? now).UtcDateTime);
        var renewed = new List<LicenseRenewal>();
        foreach (var line in lines.Where(l => !done.Contains(l.LineNumber)))
        {
            var id = line.LicenseId!.Value;
            await LockAsync(id, cancellationToken);
            var license = await db.Licenses.FirstOrDefaultAsync(l => l.Id == id && l.CustomerId == order.CustomerId, cancellationToken);
            var plan = await db.PlanLicensingSettings.AsNoTracking().FirstOrDefaultAsync(p => p.PlanId == line.PlanId, cancellationToken);
            if (license is not { ExpiresOn: { } previous, RevokedAt: null } || plan is null || plan.ValidityUnit == LicenseValidityUnit.Lifetime)
            {
                LogNotRenewed(logger, order.Number, line.LineNumber, id);
                continue;
            }

            var validity = new LicenseValidity(plan.ValidityUnit, plan.ValidityValue);
            var next = validity.RenewedExpiry(previous, paidOn)!.Value;
            license.ExpiresOn = next;
            license.Events.Add(new LicenseEvent
            {
                At = now,
                Kind = LicenseEventKind.Renewed,
                Actor = LicenseIssuer.SystemActor,
                Detail = $"Renewed by order {order.Number}, line {line.LineNumber}: expiry from {Day(previous)} to {Day(next)}.",
            });
            var renewal = new LicenseRenewal
            {
                LicenseId = id,
                OrderNumber = order.Number,
                LineNumber = line.LineNumber,
                PaidOn = paidOn,
                PreviousExpiry = previous,
                NewExpiry = next,
                ValidityUnit = validity.Unit,
                ValidityValue = validity.Value,
                RenewedAt = now,
            };
            db.LicenseRenewals.Add(renewal);
            renewed.Add(renewal);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        foreach (var renewal in renewed)
        {
            LogRenewed(logger, renewal.LicenseId, order.Number, renewal.NewExpiry);
        }

        return renewed;
    }

    /// <summary>
    /// The order (or its lines <paramref name="lineNumbers"/>) is refunded: those renewals no longer
    /// count, and each key they renewed gets the expiry its remaining paid renewals give, counted from
    /// the key's expiry before its first renewal (a revoked key, or one an admin has made Lifetime
    /// since, is left as it is).
    /// </summary>
    public async Task UndoForOrderAsync(string orderNumber, string actor, CancellationToken cancellationToken, IReadOnlyList<int>? lineNumbers = null)
    {
        await using var transaction = await database.BeginTransactionAsync(cancellationToken);
        var refunded = await db.LicenseRenewals
            .Where(r => r.OrderNumber == orderNumber && r.RefundedAt == null && (lineNumbers == null || lineNumbers.Contains(r.LineNumber)))
            .ToListAsync(cancellationToken);
        if (refunded.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        foreach (var renewal in refunded)
        {
            renewal.RefundedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var licenseId in refunded.Select(r => r.LicenseId).Distinct())
        {
            await LockAsync(licenseId, cancellationToken);
            var history = await db.LicenseRenewals.AsNoTracking().Where(r => r.LicenseId == licenseId).OrderBy(r => r.Id).ToListAsync(cancellationToken);
            var expiry = ExpiryAfter(history);
            var license = await db.Licenses.FirstAsync(l => l.Id == licenseId, cancellationToken);
            // A revoked key stays as it is; so does a key an admin has made Lifetime since.
            if (license.RevokedAt is not null || license.ExpiresOn is null || license.ExpiresOn == expiry)
            {
                continue;
            }

            license.Events.Add(new LicenseEvent
            {
                At = now,
                Kind = LicenseEventKind.ExpiryChanged,
                Actor = LicenseSets.Actor(actor),
                Detail = $"Renewal of order {orderNumber} refunded: expiry from {Day(license.ExpiresOn)} to {Day(expiry)}.",
            });
            license.ExpiresOn = expiry;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The expiry a key's renewals (oldest first) give when only the unrefunded ones count.</summary>
    public static DateOnly ExpiryAfter(IReadOnlyList<LicenseRenewal> renewals)
    {
        ArgumentNullException.ThrowIfNull(renewals);
        var expiry = renewals[0].PreviousExpiry;
        foreach (var renewal in renewals.Where(r => r.RefundedAt is null))
        {
            expiry = renewal.Validity.RenewedExpiry(expiry, renewal.PaidOn)!.Value;
        }

        return expiry;
    }

    /// <summary>
    /// Locks the key's row until the transaction ends, so that two orders renewing the same key at once
    /// (two nodes, PostgreSQL) apply one after the other, each from the expiry the other left.
    /// </summary>
    private Task LockAsync(int licenseId, CancellationToken cancellationToken) => LockAsync(database, licenseId, cancellationToken);

    /// <summary>Locks license <paramref name="licenseId"/>'s row until the scope's transaction ends (renewals and upgrades of one key apply one after the other).</summary>
    internal static async Task LockAsync(SiteDatabase database, int licenseId, CancellationToken cancellationToken)
    {
        await using var lockRow = database.CreateCommand(LicenseSql.LockLicense);
        lockRow.AddParameter("@id", licenseId);
        await lockRow.ExecuteScalarAsync(cancellationToken);
    }

    internal static string Day(DateOnly? date) =>
        date is { } day ? day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "Lifetime";

    [LoggerMessage(Level = LogLevel.Information, Message = "License {LicenseId} renewed by order {OrderNumber} until {Expiry}")]
    private static partial void LogRenewed(ILogger logger, int licenseId, string orderNumber, DateOnly expiry);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderNumber} line {LineNumber} renews license {LicenseId}, which can no longer be renewed (revoked, Lifetime or gone); nothing changed")]
    private static partial void LogNotRenewed(ILogger logger, string orderNumber, int lineNumber, int licenseId);
}
