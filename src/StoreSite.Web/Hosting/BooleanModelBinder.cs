using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace StoreSite.Web.Hosting;

/// <summary>
/// Binds a boolean like MVC does, but a value that is no boolean (a hand-made post of
/// <c>RememberMe=maybe</c>) keeps its model error with <c>false</c> as the value to show: the
/// checkbox tag helper parses the shown value as a boolean and would otherwise throw while the form
/// re-renders.
/// </summary>
public sealed class BooleanModelBinder(IModelBinder inner) : IModelBinder
{
    public async Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        await inner.BindModelAsync(bindingContext);
        if (!bindingContext.Result.IsModelSet
            && bindingContext.ModelState.TryGetValue(bindingContext.ModelName, out var entry)
            && entry.Errors.Count > 0)
        {
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, rawValue: false, attemptedValue: bool.FalseString);
        }
    }
}
