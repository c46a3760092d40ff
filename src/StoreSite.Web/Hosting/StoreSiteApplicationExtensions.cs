using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using StoreSite.Http;
using StoreSite.Web.Modules;
using StoreSite.Web.Operations;
using StoreSite.Web.Setup;

namespace StoreSite.Web.Hosting;

/// <summary>The request pipeline, and the start-up step that finds or sets up the site.</summary>
public static class StoreSiteApplicationExtensions
{
    public static WebApplication UseStoreSite(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var site = app.Services.GetRequiredService<IOptions<StoreSiteOptions>>().Value;
        if (site.ForwardedHeaders.AnyProxy)
        {
            app.UseMiddleware<TrustedProxyHeadersMiddleware>();
        }

        app.UseExceptionHandler("/error/500");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        if (!app.Environment.IsDevelopment())
        {
            // Strict-Transport-Security on https requests (not for localhost, HstsOptions' default exclusions).
            app.UseHsts();
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<InvariantCultureMiddleware>();
        app.UseStaticFiles();
        app.UseMiddleware<SetupRedirectMiddleware>();
        app.UseRouting();
        app.UseMiddleware<DisabledModuleMiddleware>();
        app.UseRateLimiter();
        // An endpoint that never asks who is signed in (anonymous by construction) runs here, without
        // reading the sign-in cookie: the Verify API's hot path. Every other request goes on below.
        app.MapWhen(
            context => context.GetEndpoint()?.Metadata.GetMetadata<NoAuthenticationMetadata>() is not null,
            branch => branch.Run(context => context.GetEndpoint()!.RequestDelegate!(context)));
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        if (!string.IsNullOrEmpty(site.Metrics.Token))
        {
            // Only for the scrape token, and off the sign-in cookie path; without a token /metrics is 404.
            app.MapPrometheusScrapingEndpoint(
                    "/metrics",
                    meterProvider: null,
                    configureBranchedPipeline: metrics => metrics.UseMiddleware<MetricsTokenMiddleware>(),
                    optionsName: null)
                .WithoutAuthentication();
        }

        app.MapControllers();

        var catalog = app.Services.GetRequiredService<ModuleCatalog>();
        foreach (var module in catalog.Startups)
        {
            var group = app.MapGroup(string.Empty).WithMetadata(new ModuleEndpointMetadata(module.Manifest.Id));
            module.MapEndpoints(group);
        }

        return app;
    }

    /// <summary>Finds the site in its database (migrating it) or runs auto-setup; call before <c>Run</c>.</summary>
    public static Task InitializeStoreSiteAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Services.GetRequiredService<SiteInitializer>().InitializeAsync(cancellationToken);
    }
}
