using CP.Commerce.Admin;
using CP.Commerce.Confirmation;
using CP.Commerce.Events;
using CP.Commerce.Plans;
using CP.Commerce.Renewals;
using CP.Commerce.Upgrades;
using CP.Licensing.Admin;
using CP.Licensing.Admin.Sections;
using CP.Licensing.Api;
using CP.Licensing.Confirmation;
using CP.Licensing.Customer;
using CP.Licensing.Data;
using CP.Licensing.Handlers;
using CP.Licensing.Lifecycle;
using CP.Licensing.Plans;
using CP.Licensing.Recipes;
using CP.Licensing.Settings;
using CP.Licensing.Widgets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Data;
using StoreSite.Modules;
using StoreSite.Navigation;
using StoreSite.Recipes;
using StoreSite.Security;
using StoreSite.Setup;
using StoreSite.Widgets;

namespace CP.Licensing;

public sealed class Startup : ModuleStartup
{
    public override ModuleManifest Manifest => CP.Licensing.Manifest.Module;

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<LicensingDbContext, SqliteLicensingDbContext, PostgresLicensingDbContext>(LicensingDbContext.MigrationsHistoryTable);
        services.AddOptions<LicensingOptions>()
            .Bind(configuration.GetSection(LicensingOptions.Section))
            .Validate(o => o.Verify.PermitPerMinute >= 1, "StoreSite:Licensing:Verify:PermitPerMinute must be at least 1.")
            .ValidateOnStart();

        services.AddSingleton<IPermissionProvider, Permissions>();
        services.AddSingleton<IAdminMenu, AdminMenu>();
        services.AddSingleton<IWidget, AccountLicensesWidget>();
        services.AddSingleton<IWidget, LicenseActivityDashboardWidget>();
        services.AddScoped<CP.Licensing.Grants.ILicenseGrants, CP.Licensing.Customer.LicenseGrants>();
        services.AddSingleton<IWidget, LicensesDashboardWidget>();
        services.AddSingleton<IWidget, LicensingSettingsWidget>();

        services.AddSingleton<LicensingSettingsCache>();
        services.AddSingleton<ProductScope>();
        services.AddSingleton<LicensingMetrics>();
        services.AddSingleton<SqliteWriteGate>();
        services.AddSingleton<SqliteStatementCache>();
        services.AddScoped<LicensingSettingsStore>();
        services.AddScoped<LicenseIssuer>();
        services.AddScoped<LicenseGeneration>();
        services.AddScoped<LicenseRenewer>();
        services.AddScoped<IRenewalOffers, RenewalOffers>();
        services.AddScoped<LicenseUpgrader>();
        services.AddScoped<IUpgradeOffers, UpgradeOffers>();
        services.AddScoped<LicenseRevoker>();
        services.AddScoped<LicenseVerifier>();
        services.AddScoped<LimitNotices>();
        services.AddScoped<ReminderPreferences>();
        services.AddScoped<RenewalReminders>();
        services.AddSingleton<RenewalReminderWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<RenewalReminderWorker>());
        services.AddScoped<OrderLicenseKeyQuery>();
        services.AddScoped<LicenseListQuery>();
        services.AddScoped<LicenseFigures>();
        services.AddScoped<LicenseDetailQuery>();
        services.AddScoped<LicenseSlots>();
        services.AddScoped<LicenseSuspensions>();
        services.AddScoped<LicenseExpiry>();
        services.AddScoped<LicenseBulkActions>();
        services.AddScoped<LicenseTransfers>();
        services.AddScoped<LicenseDeactivator>();
        services.AddScoped<CustomerLicenseQuery>();
        services.AddScoped<CustomerLicenseDetailQuery>();
        services.AddScoped<ISiteSetupHandler, LicensingSetupHandler>();

        services.AddScoped<IOrderEvents, LicensingOrderEvents>();
        services.AddScoped<IPlanEditorExtension, LicensingPlanEditor>();
        services.AddScoped<IOrderConfirmationSection, LicenseKeysConfirmationSection>();
        services.AddScoped<IOrderConfirmationSection, LicenseRenewalsConfirmationSection>();
        services.AddScoped<IOrderAdminSection, OrderKeysAdminSection>();
        services.AddScoped<IRecipeStep, LicensingSettingsStep>();
        services.AddScoped<IRecipeStep, LicensesStep>();

        services.Configure<RateLimiterOptions>(o => o.AddPolicy<string, VerifyRateLimitPolicy>(VerifyRateLimitPolicy.Name));
        services.AddOpenApi(VerifyApiDescription.DocumentName, o =>
            o.ShouldInclude = description => VerifyApiDescription.IsLicensingRoute(description.RelativePath));
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        VerifyEndpoint.Map(endpoints);
        SigningKeyEndpoint.Map(endpoints);
        DeactivateEndpoint.Map(endpoints);
        UpdateCheckEndpoint.Map(endpoints);
        endpoints.MapOpenApi("/openapi/{documentName}.json");
    }
}
