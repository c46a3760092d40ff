using CP.Commerce.Events;
using CP.Licensing.Data;
using CP.Licensing.Lifecycle;
using Microsoft.EntityFrameworkCore;

namespace CP.Licensing.Handlers;

/// <summary>
/// Paid -> issue the order's keys and apply its renewals and upgrades; refunded -> revoke the keys and undo the renewals and upgrades; a payment dispute opened -> suspend them
/// (Verify answers <c>suspended</c> while the bank decides); closed in the store's favour -> reinstate
/// the keys the dispute suspended (a key an admin suspended for another reason stays suspended); lost ->
/// the refund that follows revokes them. All in the order's transaction.
/// </summary>
public sealed class LicensingOrderEvents(LicenseIssuer issuer, LicenseRenewer renewer, LicenseUpgrader upgrader, LicenseRevoker revoker, LicenseSuspensions suspensions, LicensingDbContext db) : IOrderEvents
{
    /// <summary>How a dispute's suspension reason starts; a won dispute reinstates only keys suspended so.</summary>
    public const string DisputeReasonPrefix = "Payment disputed";

    public async Task OrderPaidAsync(OrderEventContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await issuer.IssueForOrderAsync(context.Order, cancellationToken);
        await renewer.RenewForOrderAsync(context.Order, cancellationToken);
        await upgrader.UpgradeForOrderAsync(context.Order, cancellationToken);
    }

    public async Task OrderRefundedAsync(OrderEventContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await revoker.RevokeOrderAsync(context.Order.Number, $"Order {context.Order.Number} refunded", context.Actor.Name, cancellationToken);
        await renewer.UndoForOrderAsync(context.Order.Number, context.Actor.Name, cancellationToken);
        await upgrader.UndoAsync(context.Order.Number, lineNumbers: null, context.Actor.Name, cancellationToken);
    }

    /// <summary>Each refunded line undoes what its kind did; the order's other lines stay as they are.</summary>
    public async Task OrderLinesRefundedAsync(OrderEventContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var line in context.RefundedLines)
        {
            await UndoLineAsync(context, line, cancellationToken);
        }
    }

    /// <summary>
    /// The undo of one refunded line, by its kind: New -> that line's keys revoked; Renewal -> the
    /// key's expiry back to what its remaining paid renewals give; Upgrade -> the key back on its
    /// previous plan. A kind added later adds its case here; until it does, the refund fails and rolls
    /// back rather than leave the line's effect in place.
    /// </summary>
    private async Task UndoLineAsync(OrderEventContext context, OrderLineSnapshot line, CancellationToken cancellationToken)
    {
        var number = context.Order.Number;
        switch (line.Kind)
        {
            case OrderLineKind.New:
                var ids = await db.Licenses.AsNoTracking()
                    .Where(l => l.OrderNumber == number && l.LineNumber == line.LineNumber && l.RevokedAt == null)
                    .Select(l => l.Id)
                    .ToListAsync(cancellationToken);
                if (ids.Count > 0)
                {
                    await revoker.RevokeAsync(ids, $"Order {number} line {line.LineNumber} refunded", context.Actor.Name, cancellationToken);
                }

                break;
            case OrderLineKind.Renewal:
                await renewer.UndoForOrderAsync(number, context.Actor.Name, cancellationToken, [line.LineNumber]);
                break;
            case OrderLineKind.Upgrade:
                await upgrader.UndoAsync(number, [line.LineNumber], context.Actor.Name, cancellationToken);
                break;
            default:
                throw new NotSupportedException($"Licensing cannot undo a refunded line of kind {line.Kind} (order {number}, line {line.LineNumber}).");
        }
    }

    public async Task OrderDisputeOpenedAsync(OrderEventContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var number = context.Order.Number;
        var ids = await db.Licenses.AsNoTracking()
            .Where(l => l.OrderNumber == number && l.RevokedAt == null && l.SuspendedAt == null)
            .Select(l => l.Id)
            .ToListAsync(cancellationToken);
        if (ids.Count > 0)
        {
            var reason = string.IsNullOrWhiteSpace(context.Reason)
                ? $"{DisputeReasonPrefix} (order {number})"
                : $"{DisputeReasonPrefix} (order {number}, reason: {context.Reason})";
            await suspensions.SuspendAsync(ids, reason[..Math.Min(reason.Length, LicenseConfiguration.ReasonMaxLength)], context.Actor.Name, cancellationToken);
        }
    }

    public async Task OrderDisputeClosedAsync(OrderEventContext context, bool won, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!won)
        {
            return; // the refund that follows revokes the keys
        }

        var number = context.Order.Number;
        var ids = await db.Licenses.AsNoTracking()
            .Where(l => l.OrderNumber == number && l.RevokedAt == null && l.SuspendedAt != null && l.SuspensionReason!.StartsWith(DisputeReasonPrefix))
            .Select(l => l.Id)
            .ToListAsync(cancellationToken);
        if (ids.Count > 0)
        {
            await suspensions.ReinstateAsync(ids, context.Actor.Name, cancellationToken);
        }
    }
}
