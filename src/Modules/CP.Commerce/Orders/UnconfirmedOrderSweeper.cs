using CP.Commerce.Events;
using System.Globalization;
using CP.Commerce.Checkout;
using CP.Commerce.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StoreSite.Data;
using StoreSite.Modules;

namespace CP.Commerce.Orders;

/// <summary>
/// Every <see cref="Interval"/>, cancels the orders whose payment was not confirmed within
/// <see cref="CommerceOptions.CancelUnconfirmedAfter"/>, through <see cref="OrderCanceller"/> (the
/// provider voids the payment first). An order the provider reports as charged after all is
/// completed instead, as the admin's Finish payment would: the customer paid. Idle while the site
/// is not set up or the module is disabled; on several nodes the database decides which node's
/// change wins, and the provider's calls are idempotent.
/// </summary>
public sealed class UnconfirmedOrderSweeper(
    IServiceScopeFactory scopes,
    SiteConnection site,
    IModuleState modules,
    IOptions<CommerceOptions> options,
    TimeProvider clock,
    ILogger<UnconfirmedOrderSweeper> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.CancelUnconfirmedAfter <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (site.Current is null || !modules.IsEnabled(Manifest.Id))
            {
                continue;
            }

            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Could not sweep the orders whose payment was never confirmed");
            }
        }
    }

    /// <summary>One sweep; returns how many orders it cancelled.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var after = options.Value.CancelUnconfirmedAfter;
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var due = await services.GetRequiredService<OrdersNeedingAttention>().UnconfirmedAsync(clock.GetUtcNow() - after, cancellationToken);
        var cancelled = 0;
        var transitions = services.GetRequiredService<OrderTransitions>();
        foreach (var number in due)
        {
            if (await transitions.FindAsync(number, cancellationToken) is not { } order)
            {
                continue;
            }

            var result = await services.GetRequiredService<OrderCanceller>().CancelAsync(order, $"The payment was not confirmed within {Describe(after)}.", OrderActor.System, cancellationToken);
            if (result.Succeeded)
            {
                cancelled++;
                continue;
            }

            // The provider charged it after all: the customer paid, so the order is completed.
            if (await transitions.FindAsync(number, cancellationToken) is { Status: OrderStatus.Pending, PaymentReference: not null } charged)
            {
                await services.GetRequiredService<CheckoutProcessor>().CompleteAsync(charged.Id, OrderActor.System, cancellationToken);
            }
            else
            {
                logger.LogWarning("Order {OrderNumber} was not cancelled: {Problem} {Detail}", number, result.Problem, result.Detail);
            }
        }

        return cancelled;
    }

    private static string Describe(TimeSpan span) =>
        span.TotalHours >= 1 && span.TotalHours == Math.Floor(span.TotalHours)
            ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalHours:0} hour{(span.TotalHours == 1 ? string.Empty : "s")}")
            : string.Create(CultureInfo.InvariantCulture, $"{span.TotalMinutes:0} minutes");
}
