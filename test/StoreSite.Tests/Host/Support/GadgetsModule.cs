using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Modules;
using StoreSite.Navigation;
using StoreSite.Recipes;
using StoreSite.Tests.Infrastructure;
using StoreSite.Web.Hosting;

namespace StoreSite.Tests.Host.Support;

/// <summary>
/// A module that exists only in the tests ("Test.Gadgets", no dependencies): a route, an admin menu
/// item and a recipe step. The site is composed with it after the real modules, so host mechanics
/// (routes 404 while disabled, menu items linked by route name vanish, recipe steps need their module) can be checked
/// before the real modules contribute such pieces. Types of the test assembly belong to it.
/// </summary>
public sealed class GadgetsModule : ModuleStartup
{
    public const string Id = "Test.Gadgets";
    public const string Route = "/gadgets/ping";
    public const string AdminUrl = "/admin/gadgets";
    public const string AdminRouteName = "Gadgets.Admin";

    public override ModuleManifest Manifest { get; } = new(Id, "Gadgets", "A module that exists only in the tests.");

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet(Route, () => "pong");
        endpoints.MapGet(AdminUrl, () => "gadgets").WithName(AdminRouteName);
    }

    /// <summary>Composes the site like Program.cs does, plus this module.</summary>
    public static void AddTo(TestSiteOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Services = services =>
        {
            services.AddSingleton(new ModuleCatalog()
                .Add<CP.Commerce.Startup>()
                .Add<CP.Licensing.Startup>()
                .Add<CP.Downloads.Startup>()
                .Add<CP.Payments.Stripe.Startup>()
                .Add<GadgetsModule>());
            services.AddSingleton<IAdminMenu, GadgetsAdminMenu>();
            services.AddScoped<IRecipeStep, GadgetsStep>();
        };
    }
}
