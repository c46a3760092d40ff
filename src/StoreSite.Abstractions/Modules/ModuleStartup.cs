using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace StoreSite.Modules;

/// <summary>
/// A module's composition root, like Orchard Core's <c>StartupBase</c>. The host calls
/// <see cref="ConfigureServices"/> for every module at start-up (enabled or not: enablement is a
/// per-site runtime switch) and <see cref="MapEndpoints"/> for minimal API endpoints. MVC
/// controllers in the module's assembly are discovered as an application part.
/// </summary>
public abstract class ModuleStartup
{
    public abstract ModuleManifest Manifest { get; }

    public virtual void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    public virtual void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
