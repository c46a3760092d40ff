using Microsoft.AspNetCore.Mvc.ApplicationModels;
using StoreSite.Web.Hosting;

namespace StoreSite.Web.Modules;

/// <summary>Tags every controller action of a module's assembly with <see cref="ModuleEndpointMetadata"/>.</summary>
public sealed class ModuleControllerConvention(ModuleCatalog catalog) : IControllerModelConvention
{
    public void Apply(ControllerModel controller)
    {
        ArgumentNullException.ThrowIfNull(controller);
        var module = catalog.FindByType(controller.ControllerType);
        if (module is null)
        {
            return;
        }

        foreach (var selector in controller.Actions.SelectMany(a => a.Selectors))
        {
            selector.EndpointMetadata.Add(new ModuleEndpointMetadata(module.Id));
        }
    }
}
