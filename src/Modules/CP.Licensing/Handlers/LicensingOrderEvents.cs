using CP.Commerce.Events;
using CP.Licensing.Lifecycle;

namespace CP.Licensing.Handlers;

/// <summary>Paid -> issue the order's keys; refunded -> revoke them. Both in the order's transaction.</summary>
public sealed class LicensingOrderEvents(LicenseIssuer issuer, LicenseRevoker revoker) : IOrderEvents
{
    public Task OrderPaidAsync(OrderEventContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return issuer.IssueForOrderAsync(context.Order, cancellationToken);
    }

    public Task OrderRefundedAsync(OrderEventContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return revoker.RevokeOrderAsync(context.Order.Number, $"Order {context.Order.Number} refunded", context.Actor.Name, cancellationToken);
    }
}
