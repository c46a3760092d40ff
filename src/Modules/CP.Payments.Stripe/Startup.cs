using CP.Commerce.Payments;
using CP.Payments.Stripe.Data;
using CP.Payments.Stripe.Payments;
using CP.Payments.Stripe.Recipes;
using CP.Payments.Stripe.Services;
using CP.Payments.Stripe.Settings;
using CP.Payments.Stripe.Webhooks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Data;
using StoreSite.Modules;
using StoreSite.Recipes;

namespace CP.Payments.Stripe;

public sealed class Startup : ModuleStartup
{
    public override ModuleManifest Manifest => CP.Payments.Stripe.Manifest.Module;

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<StripeDbContext, SqliteStripeDbContext, PostgresStripeDbContext>(StripeDbContext.MigrationsHistoryTable);
        services.AddOptions<StripeOptions>()
            .Bind(configuration.GetSection(StripeOptions.Section))
            .Validate(o => o.HasValidApiBase(), "StoreSite:Stripe:ApiBase must be an absolute http or https address.")
            .ValidateOnStart();

        services.AddSingleton<StripeClients>();
        services.AddScoped<StripeSettingsStore>();
        services.AddScoped<StripeConnectionTest>();
        services.AddScoped<StripeCheckoutSessions>();
        services.AddScoped<StripeRefunds>();
        services.AddScoped<StripeDisputeMail>();
        services.AddScoped<StripeEventProcessor>();
        services.AddScoped<IPaymentProvider, StripePaymentProvider>();

        services.AddScoped<IRecipeStep, StripeSettingsStep>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => StripeWebhookEndpoint.Map(endpoints);
}
