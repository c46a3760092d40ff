using StoreSite.Modules;

namespace StoreSite.Web.Modules;

/// <summary>Answers 404 for an endpoint whose module is disabled on this site.</summary>
public sealed class DisabledModuleMiddleware(RequestDelegate next, IModuleState modules)
{
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var module = context.GetEndpoint()?.Metadata.GetMetadata<ModuleEndpointMetadata>();
        if (module is not null && !modules.IsEnabled(module.ModuleId))
        {
            context.SetEndpoint(null);
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        return next(context);
    }
}
