using StoreSite.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);

// The modules this store is made of, in dependency order (Orchard's features).
builder.AddStoreSite(modules => modules
    .Add<CP.Commerce.Startup>()
    .Add<CP.Licensing.Startup>()
    .Add<CP.Downloads.Startup>()
    .Add<CP.Payments.Stripe.Startup>());

var app = builder.Build();
app.UseStoreSite();
await app.InitializeStoreSiteAsync();
await app.RunAsync();

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
