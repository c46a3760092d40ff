using CP.Commerce.Cart;
using CP.Commerce.Catalog;
using CP.Commerce.Checkout;
using CP.Commerce.Confirmation;
using CP.Commerce.Data;
using CP.Commerce.Images;
using CP.Commerce.Orders;
using CP.Commerce.Payments;
using CP.Commerce.Plans;
using CP.Commerce.Recipes;
using CP.Commerce.Services;
using CP.Commerce.Settings;
using CP.Commerce.Widgets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Data;
using StoreSite.Modules;
using StoreSite.Navigation;
using StoreSite.Recipes;
using StoreSite.Security;
using StoreSite.Settings;
using StoreSite.Widgets;

namespace CP.Commerce;

public sealed class Startup : ModuleStartup
{
    public override ModuleManifest Manifest => CP.Commerce.Manifest.Module;

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<CommerceDbContext, SqliteCommerceDbContext, PostgresCommerceDbContext>(CommerceDbContext.MigrationsHistoryTable);
        services.AddSingleton<CP.Commerce.Renewals.RenewalLinks>();

        services.AddOptions<CommerceOptions>()
            .Bind(configuration.GetSection(CommerceOptions.Section))
            .Validate(
                o => o.CancelUnconfirmedAfter == TimeSpan.Zero || o.CancelUnconfirmedAfter >= OrdersNeedingAttention.UnconfirmedAfter,
                $"StoreSite:Commerce:CancelUnconfirmedAfter must be 00:00:00 (never) or at least {OrdersNeedingAttention.UnconfirmedAfter}.")
            .ValidateOnStart();
        services.AddSingleton<UnconfirmedOrderSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<UnconfirmedOrderSweeper>());

        services.AddSingleton<IPermissionProvider, Permissions>();
        services.AddSingleton<IAdminMenu, AdminMenu>();
        services.AddSingleton<IWidget, StoreLinksWidget>();
        services.AddSingleton<IWidget, AccountOrdersWidget>();
        services.AddSingleton<IWidget, SalesDashboardWidget>();
        services.AddSingleton<IWidget, OrdersDashboardWidget>();
        services.AddSingleton<IWidget, HomeProductsWidget>();

        services.AddSingleton<MarkdownRenderer>();
        services.AddSingleton<StoreSite.Text.IMarkdownRenderer>(sp => sp.GetRequiredService<MarkdownRenderer>());
        services.AddScoped<ProductWriter>();
        services.AddScoped<CatalogCards>();
        services.AddScoped<ProductImages>();
        services.AddSingleton<ProductImageLinks>();
        services.AddScoped<PlanEditorExtensions>();
        services.AddSingleton<CartStore>();
        services.AddScoped<CartPricer>();
        services.AddScoped<CP.Commerce.Discounts.DiscountWriter>();
        services.AddScoped<CP.Commerce.Discounts.DiscountEvaluator>();
        services.AddScoped<CP.Commerce.Discounts.DiscountRedemptions>();

        services.AddSingleton<TestPaymentProvider>();
        services.AddSingleton<IPaymentProvider>(sp => sp.GetRequiredService<TestPaymentProvider>());
        services.AddScoped<PaymentProviders>();
        services.AddScoped<IPaymentConfirmations, PaymentConfirmations>();

        services.AddScoped<IProductCatalog, ProductCatalog>();
        services.AddScoped<CP.Commerce.Purchases.ICustomerPurchases, CP.Commerce.Orders.CustomerPurchases>();
        services.AddScoped<ICurrencyUsage, CommerceCurrencyUsage>();
        services.AddScoped<OrderSnapshots>();
        services.AddScoped<OrderEventPublisher>();
        services.AddScoped<OrderTransitions>();
        services.AddScoped<ConfirmationSections>();
        services.AddScoped<OrderAdminSections>();
        services.AddScoped<OrderEmails>();
        services.AddScoped<CheckoutProcessor>();
        services.AddScoped<OrderRefunder>();
        services.AddScoped<OrderCanceller>();
        services.AddScoped<OrdersNeedingAttention>();
        services.AddScoped<SalesFigures>();

        services.AddScoped<IRecipeStep, CommerceSettingsStep>();
        services.AddScoped<IRecipeStep, ProductsStep>();
        services.AddScoped<IRecipeStep, DiscountsStep>();
    }
}
