using System.Collections.Concurrent;
using CP.Commerce.Events;

namespace StoreSite.Tests.Commerce;

/// <summary>An order event handler for tests: records the events it was given and can be told to fail.</summary>
public sealed class RecordingOrderEvents : IOrderEvents
{
    public ConcurrentQueue<RecordedOrderEvent> Events { get; } = new();

    /// <summary>When set, <see cref="OrderRefundedAsync"/> throws with this message (before recording).</summary>
    public Func<OrderEventContext, string?>? FailRefund { get; set; }

    /// <summary>When set, <see cref="CanRefundAsync"/> refuses with this reason.</summary>
    public Func<OrderSnapshot, string?>? RefuseRefund { get; set; }

    /// <summary>When set, <see cref="OrderPaidAsync"/> throws with this message.</summary>
    public Func<OrderEventContext, string?>? FailPaid { get; set; }

    public IEnumerable<RecordedOrderEvent> Of(string name) => Events.Where(e => e.Name == name);

    public Task<OrderEventRefusal?> CanRefundAsync(OrderSnapshot order, CancellationToken cancellationToken)
    {
        Events.Enqueue(new RecordedOrderEvent(nameof(CanRefundAsync), order.Number, null, null, order.Lines.Count));
        return Task.FromResult(RefuseRefund?.Invoke(order) is { } reason ? new OrderEventRefusal("Tests", reason) : null);
    }

    public Task OrderPaidAsync(OrderEventContext context, CancellationToken cancellationToken)
    {
        if (FailPaid?.Invoke(context) is { } message)
        {
            throw new InvalidOperationException(message);
        }

        Record(nameof(OrderPaidAsync), context);
        return Task.CompletedTask;
    }

    public Task OrderRefundedAsync(OrderEventContext context, CancellationToken cancellationToken)
    {
        if (FailRefund?.Invoke(context) is { } message)
        {
            throw new InvalidOperationException(message);
        }

        Record(nameof(OrderRefundedAsync), context);
        return Task.CompletedTask;
    }

    /// <summary>When set and it returns a message, <see cref="OrderLinesRefundedAsync"/> throws it.</summary>
    public Func<OrderEventContext, string?>? FailLinesRefund { get; set; }

    public Task OrderLinesRefundedAsync(OrderEventContext context, CancellationToken cancellationToken)
    {
        if (FailLinesRefund?.Invoke(context) is { } message)
        {
            throw new InvalidOperationException(message);
        }

        Record(nameof(OrderLinesRefundedAsync), context);
        return Task.CompletedTask;
    }

    private void Record(string name, OrderEventContext context)
    {
        Events.Enqueue(new RecordedOrderEvent(name, context.Order.Number, context.Reason, context.Actor.Name, context.Order.Lines.Count));
    }
}

public sealed record RecordedOrderEvent(string Name, string OrderNumber, string? Reason, string? Actor, int LineCount);
