using System.Data.Common;
using CP.Commerce.Models;

namespace CP.Commerce.Events;

/// <summary>
/// What an <see cref="IOrderEvents"/> handler gets. The handler runs inside <see cref="Transaction"/>,
/// the same database transaction as the order's status change: every module DbContext of the scope
/// already uses it (see <c>SiteDatabase</c>), and if the handler throws, the status change rolls back.
/// </summary>
/// <param name="Order">The order after the change (lines loaded).</param>
/// <param name="Actor">Who caused it.</param>
/// <param name="Transaction">The transaction in progress.</param>
/// <param name="Reason">The refund reason (refunds only).</param>
public sealed record OrderEventContext(Order Order, OrderActor Actor, DbTransaction Transaction, string? Reason = null)
{
    /// <summary>
    /// True when the store rehearses the change before an irreversible step: a refund first runs the
    /// <c>OrderRefundedAsync</c> handlers in a transaction that is then rolled back, so that a handler
    /// that refuses (throws) stops the refund before the payment provider gives any money back. Handlers
    /// do the same database work either way (a rehearsal's writes are rolled back); anything outside the
    /// database (counters, calls to other systems) should wait for the real run.
    /// </summary>
    public bool IsRehearsal { get; init; }
}
