using CP.Commerce.Events;
using CP.Licensing.Handlers;
using CP.Licensing.Models;
using CP.Licensing.Plans;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Data;
using StoreSite.Tests.Infrastructure;
using StoreSite.Users;

namespace StoreSite.Tests.Licensing;

/// <summary>Hand-built orders and plans, and CP.Commerce's events raised the way checkout and refunds raise them.</summary>
internal static class OrderArrange
{
    public const int SingleSitePlan = 11;
    public const int FiveSitesMonthlyPlan = 12;
    public const int UnlimitedLifetimePlan = 13;
    public const int UnlicensedPlan = 14;

    /// <summary>Stores the licensing section of four plans through the plan editor extension.</summary>
    public static Task SavePlansAsync(TestSite site) => site.InScopeAsync(async sp =>
    {
        var editor = sp.GetServices<CP.Commerce.Plans.IPlanEditorExtension>().OfType<LicensingPlanEditor>().Single();
        var database = sp.GetRequiredService<SiteDatabase>();
        await using var transaction = await database.BeginTransactionAsync();
        await editor.SaveAsync(SingleSitePlan, new LicensingPlanEditorViewModel { IssueLicense = true, ValidityUnit = LicenseValidityUnit.Years, ValidityValue = 1, MaxActivations = 1 }, CancellationToken.None);
        await editor.SaveAsync(FiveSitesMonthlyPlan, new LicensingPlanEditorViewModel { IssueLicense = true, ValidityUnit = LicenseValidityUnit.Months, ValidityValue = 1, MaxActivations = 5, MatchBy = LicenseMatchRule.Domain }, CancellationToken.None);
        await editor.SaveAsync(UnlimitedLifetimePlan, new LicensingPlanEditorViewModel { IssueLicense = true, MaxActivations = 0 }, CancellationToken.None);
        await editor.SaveAsync(UnlicensedPlan, new LicensingPlanEditorViewModel { IssueLicense = false, MaxActivations = 3 }, CancellationToken.None);
        await transaction.CommitAsync();
    });

    /// <summary>The snapshot CP.Commerce would publish of a paid order with these lines (each product sold in one plan).</summary>
    public static async Task<OrderSnapshot> OrderAsync(TestSite site, string number, DateTimeOffset paidAt, params (int PlanId, string Product, int Quantity)[] lines)
    {
        var customer = await site.InScopeAsync(sp => sp.GetRequiredService<IUserDirectory>().FindByEmailAsync(LicensingArrange.CustomerEmail, CancellationToken.None));
        var snapshotLines = lines.Select((l, i) => new OrderLineSnapshot(
            LineNumber: i + 1,
            Kind: OrderLineKind.New,
            ProductId: 100 + l.PlanId,
            ProductSlug: "product-" + l.PlanId,
            ProductName: l.Product,
            PlanId: l.PlanId,
            PlanName: "Plan " + l.PlanId,
            Title: l.Product,
            Quantity: l.Quantity,
            UnitPrice: 49m)).ToList();
        return new OrderSnapshot(number, customer!.Id, customer.Email, "USD", snapshotLines.Sum(l => l.Amount), paidAt, snapshotLines);
    }

    /// <summary>Raises OrderPaid to licensing inside a SiteDatabase transaction, as checkout does, and commits.</summary>
    public static Task PaidAsync(TestSite site, OrderSnapshot order) =>
        RaiseAsync(site, (events, context) => events.OrderPaidAsync(context, CancellationToken.None), order, OrderActor.System);

    public static Task RefundedAsync(TestSite site, OrderSnapshot order, string actor = TestSite.AdminEmail) =>
        RaiseAsync(site, (events, context) => events.OrderRefundedAsync(context, CancellationToken.None), order, new OrderActor("admin-id", actor));

    private static Task RaiseAsync(TestSite site, Func<IOrderEvents, OrderEventContext, Task> raise, OrderSnapshot order, OrderActor actor) => site.InScopeAsync(async sp =>
    {
        var database = sp.GetRequiredService<SiteDatabase>();
        await using var transaction = await database.BeginTransactionAsync();
        var handler = sp.GetServices<IOrderEvents>().OfType<LicensingOrderEvents>().Single();
        await raise(handler, new OrderEventContext(order, actor, "Customer asked"));
        await transaction.CommitAsync();
    });
}
