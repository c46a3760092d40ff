using CP.Commerce.Events;
using StoreSite.Modules;

namespace CP.Commerce.Orders;

/// <summary>Calls the <see cref="IOrderEvents"/> handlers of enabled modules, in registration order.</summary>
public sealed class OrderEventPublisher(IEnumerable<IOrderEvents> handlers, IModuleState modules)
{
    /// <summary>Runs every enabled handler; the first failure stops the others and is thrown as <see cref="OrderEventException"/>.</summary>
    public async Task PublishAsync(Func<IOrderEvents, Task> call, string eventName)
    {
        ArgumentNullException.ThrowIfNull(call);
        foreach (var handler in modules.OnlyEnabled(handlers))
        {
            try
            {
                await call(handler);
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not OrderEventException)
            {
                throw new OrderEventException($"{handler.GetType().Name} failed on {eventName}: {ex.Message}", ex);
            }
        }
    }

    /// <summary>The first refusal of an enabled handler asked before a refund (<see cref="IOrderEvents.CanRefundAsync"/>), or null.</summary>
    public async Task<OrderEventRefusal?> CanRefundAsync(OrderSnapshot order, CancellationToken cancellationToken)
    {
        foreach (var handler in modules.OnlyEnabled(handlers))
        {
            if (await handler.CanRefundAsync(order, cancellationToken) is { } refusal)
            {
                return refusal;
            }
        }

        return null;
    }
}
