using StoreSite.Data;

namespace StoreSite.Web.Setup;

/// <summary>
/// While no site exists every page redirects to <c>/setup</c> (other methods get 503). A node
/// waiting for setup re-checks the database every few seconds, in case another node set it up.
/// </summary>
public sealed class SetupRedirectMiddleware(RequestDelegate next, SiteState state, SiteConnection site, SetupService setup, TimeProvider clock)
{
    private static readonly TimeSpan RecheckInterval = TimeSpan.FromSeconds(3);
    private static readonly string[] AlwaysAllowed = ["/setup", "/css/", "/js/", "/favicon", "/health/", "/metrics", "/error/"];

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (state.IsSetUp)
        {
            await next(context);
            return;
        }

        if (site.Current is not null && clock.GetUtcNow() - state.LastChecked > RecheckInterval)
        {
            state.LastChecked = clock.GetUtcNow();
            if (await setup.IsSiteInDatabaseAsync(context.RequestAborted))
            {
                await setup.JoinExistingSiteAsync(context.RequestAborted);
                await next(context);
                return;
            }
        }

        var path = context.Request.Path.Value ?? "/";
        if (AlwaysAllowed.Any(prefix => path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
        {
            await next(context);
            return;
        }

        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.Redirect("/setup");
            return;
        }

        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync("The site is not set up yet: open /setup.", context.RequestAborted);
    }
}
